import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../main/shell/window-options.js';
import { expectedWebPreferences } from './expected-policy.js';

describe('createWindowOptions', () => {
  it('sets exactly the security policy in webPreferences', () => {
    expect(createWindowOptions('/app/dist/preload.cjs', '#ffffff').webPreferences).toEqual(
      expectedWebPreferences('/app/dist/preload.cjs'),
    );
  });

  it.each(['webSecurity', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures', 'partition'])(
    'leaves %s at its safe default',
    (key) => {
      expect(createWindowOptions('/p.cjs', '#fff').webPreferences).not.toHaveProperty(key);
    },
  );

  it('shows the window at once with a background color', () => {
    const options = createWindowOptions('/p.cjs', '#1e1e1e');
    expect(options.show).toBe(true);
    expect(options.backgroundColor).toBe('#1e1e1e');
  });
});
