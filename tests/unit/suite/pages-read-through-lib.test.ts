import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

// Page components read their data through functions in lib/<domain>, where the rules about that
// data live (who may read it, what is recorded), never by querying in the page.
test('no page component queries the database itself', () => {
  const pages = files(path.join(root, 'app'))
    .map((f) => path.relative(root, f))
    .filter((f) => f.endsWith('page.tsx'));
  expect(pages.length).toBeGreaterThan(50);
  expect(pages.filter((f) => /from '@\/lib\/db\/(client|generated\/client)'|from 'pg'/.test(readFileSync(path.join(root, f), 'utf8')))).toEqual([]);
});
