// A real S3-protocol server on loopback for the tests: s3rver (its maintained fork,
// @20minutes/s3rver), in a process of its own, keeping the bucket's objects in a folder.
// README "Object storage" says why this one.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export interface TestS3Server {
  /** The S3_* variables that point the portal at this server's bucket. */
  env: Record<'S3_ENDPOINT' | 'S3_REGION' | 'S3_BUCKET' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY', string>;
  close(): Promise<void>;
}

export async function startS3Server(bucket = 'documents'): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 's3rver-'));
  const options = {
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
    // s3rver checks the access key but rebuilds a bucket-level request's path without the
    // trailing slash the SDK signs ("/documents/"), so it would refuse every list. The key
    // pair below is the one s3rver knows.
    allowMismatchedSignatures: true,
  };
  const entry = createRequire(import.meta.url).resolve('@20minutes/s3rver');
  // s3rver's list continuation token is DES-encrypted, which OpenSSL 3 keeps in its legacy provider.
  const server = spawn(
    process.execPath,
    ['--openssl-legacy-provider', '-e', `const S3rver = require(${JSON.stringify(entry)}); new S3rver(${JSON.stringify(options)}).run().then(({ port }) => process.send(port));`],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const [port] = (await Promise.race([once(server, 'message'), once(server, 'exit').then(() => Promise.reject(new Error('s3rver did not start')))])) as [number];
  server.disconnect();
  return {
    env: {
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: 'us-east-1',
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async close() {
      if (server.exitCode === null) {
        server.kill('SIGTERM');
        await once(server, 'exit');
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
