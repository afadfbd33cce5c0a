import { defineConfig } from 'vitest/config';

// `npm run test:browser`: the web app in Debian's Chromium against the real
// server (built web, fresh PGlite data directory, demo municipality).
// Kept out of `npm test` (vitest.config.ts).
export default defineConfig({
  test: {
    name: 'browser',
    root: '.',
    include: ['browser-tests/**/*.test.ts'],
    globalSetup: ['browser-tests/global-setup.ts'],
    // one server and one browser at a time: the stories change shared demo data in order
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
