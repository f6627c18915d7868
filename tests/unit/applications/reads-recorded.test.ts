import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

// Where a page or a download shows an application's data, it loads it through openApplication,
// which puts every reading by staff or an auditor on the audit trail. findApplication alone is
// for server actions and for the upload, which write and record themselves.
const writesOnly = new Set(['app/[locale]/(applicant)/applications/[id]/documents/upload/route.ts']);

test('every page and download that loads an application records the reading', () => {
  const loaders = files(path.join(root, 'app'))
    .map((f) => path.relative(root, f))
    .filter((f) => /(^|\/)(page\.tsx|route\.ts)$/.test(f) && !writesOnly.has(f));
  const unrecorded = loaders.filter((f) => readFileSync(path.join(root, f), 'utf8').includes('findApplication('));
  expect(unrecorded).toEqual([]);
  expect(loaders.filter((f) => readFileSync(path.join(root, f), 'utf8').includes('openApplication(')).length).toBeGreaterThanOrEqual(10);
});
