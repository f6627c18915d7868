// The test harness itself: what keeps `npm test` from breaking a running portal, and the end-to-end
// suite honest about host names and time.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import playwrightConfig, { browserUrl, configuredUrl } from '@/tests/playwright.config';
import { testActionsKey, testBuildEnv, testDistDir } from '@/tests/support/test-build';

const root = path.resolve(import.meta.dirname, '../../..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe("the tests' own build", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  test('next.config.ts builds into and serves from NEXT_DIST_DIR, and .next when it is unset', async () => {
    vi.stubEnv('NEXT_DIST_DIR', testDistDir);
    expect((await import('@/next.config')).default.distDir).toBe('.next-test');
    vi.resetModules();
    vi.stubEnv('NEXT_DIST_DIR', '');
    expect((await import('@/next.config')).default.distDir).toBe('.next');
  });

  test('npm test builds into the folder the harness serves, never into .next', () => {
    expect(testDistDir).not.toBe('.next');
    expect(testBuildEnv.NEXT_DIST_DIR).toBe(testDistDir);
    expect(packageJson.scripts['build:test']).toContain(`NEXT_DIST_DIR=${testDistDir} next build`);
    // Built with the key its servers are started with (a production start checks they agree).
    expect(packageJson.scripts['build:test']).toContain(`NEXT_SERVER_ACTIONS_ENCRYPTION_KEY=${testActionsKey} `);
    expect(testBuildEnv.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBe(testActionsKey);
    expect(packageJson.scripts['test:e2e']).toMatch(/^npm run -s build:test && /);
    expect(packageJson.scripts['test:e2e']).not.toMatch(/(^|&& )(NEXT_TELEMETRY_DISABLED=1 )?next build/);
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n')).toContain(`${testDistDir}/`);
  });

  test('npm test runs every benchmark in its smoke size', () => {
    expect(packageJson.scripts.test).toContain('npm run -s test:bench');
    expect(packageJson.scripts['test:bench']).toBe('tsx tests/bench/run.ts --smoke');
  });
});

describe('the end-to-end suite', () => {
  test('browses the portal by another host name than the one it is configured with', () => {
    expect(playwrightConfig.use?.baseURL).toBe(browserUrl);
    expect(new URL(browserUrl).port).toBe(new URL(configuredUrl).port);
    expect(new URL(browserUrl).hostname).not.toBe(new URL(configuredUrl).hostname);
    // Next.js builds a request's own URL on "localhost": the browser must not be there too.
    expect(new URL(browserUrl).hostname).not.toBe('localhost');
    const setup = readFileSync(path.join(root, 'tests/e2e/global-setup.ts'), 'utf8');
    expect(setup).toMatch(/NEXTAUTH_URL: baseUrl/);
    expect(setup).toMatch(/const baseUrl = configuredUrl;/);
  });

  test('waits on what the page shows, never on the clock', () => {
    const folder = path.join(root, 'tests/e2e');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && f !== 'global-setup.ts');
    const sleeping = files.filter((f) => /waitForTimeout\(|new Promise\(\(\w+\) => setTimeout\(\w+, \d/.test(readFileSync(path.join(folder, f), 'utf8')));
    expect(sleeping).toEqual([]);
  });
});
