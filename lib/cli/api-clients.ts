// `npm run api:client -- <command>`: registers, lists, rotates and revokes the systems that read
// the portal through /api/v1 (README, "API for other systems"), beside the screens at /admin/api-clients.
//   register --name "Traffic police checks" --institution-en "Traffic Police, Ministry of Interior"
//            --institution-km "នគរបាលចរាចរណ៍ ក្រសួងមហាផ្ទៃ" --scope licences:read [--scope …]
//            [--organisation <company id>] [--allow <IP or CIDR>]… [--per-minute 300]
//   list | rotate <client id> | revoke <client id>
// A new secret is printed once, here, and kept nowhere but as its hash.
import { parseArgs } from 'node:util';
import { registerApiClient, revokeApiClient, rotateApiClientSecret } from '@/lib/api/clients';
import { closeDatabase, db } from '@/lib/db/client';
import { withAppDatabase } from '@/lib/db/local-database';
import { apiScopes, type ApiScope } from '@/lib/policy/policy';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    'institution-en': { type: 'string' },
    'institution-km': { type: 'string' },
    scope: { type: 'string', multiple: true },
    organisation: { type: 'string' },
    allow: { type: 'string', multiple: true },
    'per-minute': { type: 'string' },
  },
});
const [command, clientId] = positionals;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function run(): Promise<void> {
  switch (command) {
    case 'register': {
      const { name, 'institution-en': en, 'institution-km': km } = values;
      if (!name || !en || !km) fail('register needs --name, --institution-en and --institution-km (the name its reads are shown under).');
      const scopes = values.scope ?? [];
      const unknown = scopes.filter((s) => !(apiScopes as readonly string[]).includes(s));
      if (scopes.length === 0 || unknown.length) fail(`--scope must name one or more of ${apiScopes.join(', ')}.`);
      const perMinute = values['per-minute'] === undefined ? undefined : Number(values['per-minute']);
      if (perMinute !== undefined && !(Number.isInteger(perMinute) && perMinute > 0)) fail('--per-minute is a whole number of requests.');
      const { clientId: id, secret } = await registerApiClient({
        name, institution: { km, en }, scopes: scopes as ApiScope[], organisationId: values.organisation, allowedIps: values.allow, requestsPerMinute: perMinute,
      });
      console.log(`client id:     ${id}\nclient secret: ${secret}\nGive both to the system's operators now: the secret is not shown again.`);
      return;
    }
    case 'rotate':
      if (!clientId) fail('rotate <client id>');
      console.log(`new client secret: ${await rotateApiClientSecret(clientId)}\nThe old secret and its tokens no longer work.`);
      return;
    case 'revoke':
      if (!clientId) fail('revoke <client id>');
      await revokeApiClient(clientId);
      console.log('Revoked: its tokens stopped working, and it gets no new ones.');
      return;
    case 'list':
      for (const c of await db.apiClient.findMany({ orderBy: { createdAt: 'asc' } })) {
        console.log(`${c.id}  ${c.revokedAt ? 'revoked' : 'active '}  ${c.scopes.join(' ')}  ${c.institutionEn}: ${c.name}${c.organisationId ? ` (company ${c.organisationId})` : ''}`);
      }
      return;
    default:
      fail('npm run api:client -- register | list | rotate <client id> | revoke <client id> (see lib/cli/api-clients.ts)');
  }
}

const failed = await withAppDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  try {
    await run();
    return null;
  } catch (error) {
    // A wrong IP range, an unknown client or company id: said in one line.
    return error instanceof Error ? error.message.split('\n').filter(Boolean).at(-1) : String(error);
  } finally {
    await closeDatabase();
  }
});
if (failed) fail(failed);
process.exit(0);
