import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './bin/chromium.mjs';

const PORT = Number(process.env.E2E_PORT || 8181);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      // Debian's Chromium where there is one (Playwright cannot download browsers everywhere), else Playwright's own.
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
    viewport: { width: 1280, height: 900 },
  },
  webServer: {
    command: `node demo-shop/server.mjs --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
  },
});
