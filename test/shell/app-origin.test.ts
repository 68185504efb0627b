import { describe, expect, it } from 'vitest';
import { appIndexUrl, appOrigin, isAppUrl } from '../../main/shell/app-origin.js';

describe('isAppUrl', () => {
  it.each([
    ['app://verbatim/index.html', true],
    ['app://verbatim/', true],
    ['app://verbatim/views/article.html?id=3#quotes', true],
    ['app://verbatim.evil/', false],
    ['app://evil.verbatim/', false],
    ['app://verbatim:8080/', false],
    ['app://user@verbatim/', false],
    ['app://verbatim@evil/', false],
    ['app://VERBATIM.evil/', false],
    ['apps://verbatim/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['https://x', false],
    ['http://verbatim/', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['', false],
    ['not a url', false],
  ])('%s -> %s', (url, allowed) => {
    expect(isAppUrl(url)).toBe(allowed);
  });

  it('names the page the window loads on the app origin', () => {
    expect(appOrigin).toBe('app://verbatim');
    expect(appIndexUrl).toBe('app://verbatim/index.html');
    expect(isAppUrl(appIndexUrl)).toBe(true);
  });
});
