import { defineConfig } from "vitest/config";

// Browser tests: Playwright (playwright-core) drives the system Chromium against a real `kaimono serve`.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
