import { defineConfig } from '@playwright/test';

// The portal under test: a production build served by tests/e2e/global-setup.ts on this port,
// on a fresh database of its own.
export const port = Number(process.env.E2E_PORT ?? 3100);
// The portal is started with one public address and the browser reaches it by another host name,
// as behind a proxy: a redirect or link built from the request's own address instead of the
// configured one (or a relative one) takes the browser to the other host, where it has no
// session, and the test notices. Journeys that must use the configured address (the national
// ID's callback, links in emails) say so.
export const configuredUrl = `http://localhost:${port}`;
export const browserUrl = `http://127.0.0.1:${port}`;
// The server's NEXTAUTH_SECRET: tests seal staff authenticator keys with it (see fixtures.ts).
export const serverSecret = 'end-to-end-test-secret-of-the-portal';
// Debian's headless shell (package chromium-headless-shell: Chromium's engine without the
// desktop browser around it), as Playwright itself uses for headless runs: the same Blink, with
// a fraction of the work for each new page (measured: the suite's pages and sessions specs in 81 s
// against 135 s with the full browser). Playwright's own browser download cannot reach its server here.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Limits against a hang, not measures of speed: on a loaded two-core machine a page that takes
  // 1 s alone takes several, and a journey of sixty steps took over a minute (timed out at 60 s
  // while every step was passing). Tests wait on what the page shows, never on the clock.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '../test-results/report' }]],
  outputDir: '../test-results/artifacts',
  use: {
    baseURL: browserUrl,
    // A click on something that never comes fails in 30 s rather than using up the whole test.
    actionTimeout: 30_000,
    // Citizens are mostly on phones: every journey is tested at a phone's size.
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    // No trace by default: recording one costs every test time whether it fails or not. To look
    // into a failure, run the spec again with `--trace retain-on-failure`.
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
