import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/remove-temp-dirs.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browser, packaging and CLI tests spawn processes of their own.
    maxWorkers: 2,
    // A loaded machine must not cut a phrase search short (issue 14's 75 ms budget): tests that check the
    // budget set their own (0 to force the stop).
    env: { VERBATIM_QUERY_BUDGET_MS: '600000' },
    deps: {
      // Its modules import JSON without `with { type: 'json' }`, which Node refuses
      // (actions/languageservices#387); Vite's pre-bundling loads them.
      optimizer: { ssr: { enabled: true, include: ['@actions/workflow-parser'] } },
    },
  },
});
