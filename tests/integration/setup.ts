import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';

// lib/db/client reads DATABASE_URL on first use.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.NEXTAUTH_SECRET ??= 'integration-test-secret';
// Documents a test stores go to a folder of the test file's own, never to the .data/documents of
// a portal started from the same checkout (the storage module reads this on first use).
const documentDir = mkdtempSync(path.join(os.tmpdir(), 'it-documents-'));
process.env.DOCUMENT_STORAGE_DIR = documentDir;
afterAll(() => rmSync(documentDir, { recursive: true, force: true }));
