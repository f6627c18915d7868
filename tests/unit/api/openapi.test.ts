import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { expect, test } from 'vitest';
import { openApiDocument } from '@/lib/api/v1/openapi';
import { publicAddress } from '@/lib/http/public-address';

const apiDir = path.resolve(import.meta.dirname, '../../../app/api/v1');
// The one route that is not a resource: any other address answers a not-found problem.
const undocumented = new Set(['[...path]']);

/** Every route file under app/api/v1 as an OpenAPI path template, with the methods it exports. */
function routes(dir = apiDir, segments: string[] = []): { template: string; methods: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return undocumented.has(entry.name) ? [] : routes(path.join(dir, entry.name), [...segments, entry.name]);
    if (entry.name !== 'route.ts') return [];
    const source = readFileSync(path.join(dir, entry.name), 'utf8');
    const methods = [...source.matchAll(/export (?:async )?(?:function|const) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
    return [{ template: `/${segments.map((s) => s.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`, methods }];
  });
}

test('the OpenAPI document is a valid OpenAPI 3.1 document', async () => {
  const validator = new Validator();
  const result = await validator.validate(JSON.parse(JSON.stringify(openApiDocument())) as Record<string, unknown>);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  expect(validator.version).toBe('3.1');
});

test('every route under app/api/v1 is documented with each method it answers, and nothing else is', () => {
  const found = routes();
  expect(found.length).toBeGreaterThan(0);
  const documented = openApiDocument().paths ?? {};
  for (const { template, methods } of found) {
    expect(methods, `${template} exports no method`).not.toEqual([]);
    expect(Object.keys(documented[template] ?? {}).sort(), `app/api/v1${template} is not in the OpenAPI document`).toEqual(methods.sort());
  }
  expect(Object.keys(documented).sort()).toEqual(found.map((r) => r.template).sort());
});

test('error types and the server are on the configured public address', () => {
  const document = openApiDocument();
  expect(document.servers).toEqual([{ url: `${publicAddress()}/api/v1` }]);
  expect(document.info.description).toContain(`${publicAddress()}/api/v1/problems/invalid-cursor`);
});

test("the document's webhooks describe each event's body and the signature headers", () => {
  const webhooks = openApiDocument().webhooks ?? {};
  expect(Object.keys(webhooks).sort()).toEqual(['application.status_changed', 'licence.issued', 'licence.revoked', 'payment.received']);
  for (const [type, item] of Object.entries(webhooks)) {
    const operation = (item as { post?: { parameters?: { name: string }[]; requestBody?: unknown } }).post;
    expect(operation?.parameters?.map((p) => p.name).sort(), type).toEqual(['webhook-id', 'webhook-signature', 'webhook-timestamp']);
    expect(operation?.requestBody, type).toBeDefined();
  }
});
