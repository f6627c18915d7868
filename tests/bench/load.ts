import { fork, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

// A small closed-loop load generator: `connections` clients each send one request after another
// for `seconds`, to servers on this machine only. Prints what a person would ask: how many
// requests a second, and how long the slow ones take.
export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  medianMs: number;
  p95Ms: number;
}

export async function load(send: () => Promise<boolean>, { connections = 16, seconds = 10 } = {}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        const ok = await send().catch(() => false);
        latencies.push(performance.now() - start);
        if (!ok) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: latencies.length, errors, perSecond: latencies.length / elapsed, medianMs: at(0.5), p95Ms: at(0.95) };
}

export function describe(result: LoadResult): string {
  return `${result.perSecond.toFixed(0).padStart(5)} req/s, median ${result.medianMs.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms (${result.requests} requests, ${result.errors} errors)`;
}

/**
 * A floor to measure against: `source`, a plain node:http + pg server (an ES module that listens on
 * PORT and sends 'ready'), run in its own process as the portal is, so that the load generator
 * does not share its event loop.
 */
export async function startFloor(name: string, source: string, databaseUrl: string, port: number): Promise<ChildProcess> {
  const file = path.resolve(import.meta.dirname, '../.tmp', `${name}-floor.mjs`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, source);
  const child = fork(file, { env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) }, stdio: 'ignore' });
  await new Promise((resolve) => child.once('message', resolve));
  return child;
}
