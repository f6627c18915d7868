// The readable reference of /api/v1: Swagger UI (swagger-ui-dist, the Swagger project's own
// prebuilt bundle) rendering /api/v1/openapi.json, served from the npm package, so it works with
// no network. A route handler page of its own rather than a portal page: it is Swagger UI's
// client-side app, not the portal's React tree, and the portal's page policy admits scripts by
// nonce only. Its scripts are files (even its start-up, init.js), so its own policy
// (apiReferenceContentSecurityPolicy, lib/security/headers.ts) needs no nonce, no inline script,
// no eval and no inline style; only data: images for two icons.
import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import swaggerUiPath from 'swagger-ui-dist/absolute-path.js';
import swaggerUiPackage from 'swagger-ui-dist/package.json';

export const referencePath = '/api/reference';
const version = swaggerUiPackage.version;


// Swagger UI without its "explore any URL" bar (BaseLayout), without the public validator badge
// (validatorUrl null: it would send the document to swagger.io), and "Try it out" for reads only.
const init = `window.addEventListener('DOMContentLoaded', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    dom_id: '#reference',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    supportedSubmitMethods: ['get'],
    defaultModelsExpandDepth: 0,
  });
});
`;

export const referencePage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MPWT e-Services API · API សម្រាប់ប្រព័ន្ធផ្សេងទៀត</title>
<link rel="stylesheet" href="${referencePath}/swagger-ui.css?v=${version}">
</head>
<body>
<noscript><p>This reference needs JavaScript. The same is in the <a href="/api/v1/openapi.json">OpenAPI document</a>.</p>
<p lang="km">ឯកសារយោងនេះត្រូវការ JavaScript។ ខ្លឹមសារដូចគ្នាមាននៅក្នុង <a href="/api/v1/openapi.json">ឯកសារ OpenAPI</a>។</p></noscript>
<main id="reference"></main>
<script src="${referencePath}/swagger-ui-bundle.js?v=${version}"></script>
<script src="${referencePath}/init.js?v=${version}"></script>
</body>
</html>
`;

const packaged = { 'swagger-ui-bundle.js': 'text/javascript; charset=utf-8', 'swagger-ui.css': 'text/css; charset=utf-8' } as const;
const loaded = new Map<string, Promise<Buffer>>();

/** A file of the reference (the renderer's, from its package, or the start-up script), or null. */
export async function referenceFile(name: string): Promise<{ body: Buffer; type: string } | null> {
  if (name === 'init.js') return { body: Buffer.from(init), type: 'text/javascript; charset=utf-8' };
  if (!Object.hasOwn(packaged, name)) return null;
  const file = name as keyof typeof packaged;
  let body = loaded.get(file);
  if (!body) loaded.set(file, (body = readFile(path.join(swaggerUiPath(), file))));
  return { body: await body, type: packaged[file] };
}
