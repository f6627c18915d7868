// The framework's floor, measured rather than assumed: an empty Next.js page built and served
// with this project's own Next.js and React, in a throw-away folder.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const projectDir = path.resolve(import.meta.dirname, '../..');
// Outside the project, so that Next.js does not take the project's own config for it.
const appDir = path.join(os.tmpdir(), 'portal-empty-next-app');

export async function serveEmptyApp(port = 3299): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  await rm(appDir, { recursive: true, force: true });
  await mkdir(path.join(appDir, 'app'), { recursive: true });
  await symlink(path.join(projectDir, 'node_modules'), path.join(appDir, 'node_modules'));
  await writeFile(path.join(appDir, 'package.json'), '{ "private": true, "type": "module" }\n');
  // node_modules is a link into the project: Turbopack must be allowed to resolve through it.
  await writeFile(path.join(appDir, 'next.config.mjs'), "export default { turbopack: { root: '/' }, outputFileTracingRoot: '/' };\n");
  await writeFile(path.join(appDir, 'app', 'layout.jsx'), 'export default function L({ children }) { return <html lang="en"><body>{children}</body></html>; }\n');
  await writeFile(path.join(appDir, 'app', 'page.jsx'), 'export default function P() { return <p>Empty</p>; }\n');
  const next = path.join(projectDir, 'node_modules/next/dist/bin/next');
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  const build = spawnSync(process.execPath, [next, 'build'], { cwd: appDir, env, stdio: 'ignore' });
  if (build.status !== 0) throw new Error('The empty app did not build');
  const server = spawn(process.execPath, [next, 'start', '--port', String(port)], { cwd: appDir, env, stdio: 'ignore' });
  const baseUrl = `http://localhost:${port}`;
  let answered = false;
  for (let i = 0; i < 120 && !answered; i++) {
    answered = await fetch(baseUrl).then((r) => r.ok, () => false);
    if (!answered) await new Promise((r) => setTimeout(r, 250));
  }
  if (!answered) {
    server.kill('SIGTERM');
    throw new Error(`The empty app did not answer on ${baseUrl} within 30 s`);
  }
  return {
    baseUrl,
    async stop() {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      await rm(appDir, { recursive: true, force: true });
    },
  };
}
