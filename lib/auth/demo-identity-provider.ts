// A real OpenID Connect provider (the `oidc-provider` package) on loopback, standing in for the
// national digital ID (CamDigiKey) in demo mode and in the tests. It signs ID tokens with its own
// key, requires PKCE, and has a few demo identities to choose from instead of a phone app. The
// portal talks to it exactly as it would to the real one (lib/auth/national-id.ts).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface DemoIdentity {
  /** The stable subject the provider gives this person. */
  sub: string;
  name: string;
  birthdate: string;
  nationalIdNumber: string;
}

export const demoIdentities: DemoIdentity[] = [
  { sub: 'demo-0001', name: 'សុខ ដារ៉ា', birthdate: '1990-04-17', nationalIdNumber: '010203040' },
  { sub: 'demo-0002', name: 'ចាន់ សុភា', birthdate: '1985-11-02', nationalIdNumber: '020304050' },
  { sub: 'demo-0003', name: 'ហេង វិចិត្រ', birthdate: '1978-06-30', nationalIdNumber: '030405060' },
];

export interface DemoIdentityProviderOptions {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  identities?: DemoIdentity[];
  host?: string;
}

export interface RunningIdentityProvider {
  issuer: string;
  close(): Promise<void>;
}

const texts = {
  km: {
    title: 'អត្តសញ្ញាណឌីជីថលជាតិ (សាកល្បង)',
    lead: 'នេះជាអ្នកផ្តល់អត្តសញ្ញាណសាកល្បង ជំនួសកម្មវិធីនៅលើទូរស័ព្ទ។ ជ្រើសរើសអ្នកណាម្នាក់ដើម្បីចូល។',
    who: 'ចូលជា',
    born: 'កើត',
    number: 'លេខអត្តសញ្ញាណប័ណ្ណ',
    submit: 'ចូល ហើយចែករំលែកព័ត៌មានទាំងនេះ',
    cancel: 'បោះបង់',
  },
  en: {
    title: 'National digital ID (demo)',
    lead: 'This is a demo identity provider, in place of the phone app. Choose someone to sign in as.',
    who: 'Sign in as',
    born: 'born',
    number: 'ID card number',
    submit: 'Sign in and share these details',
    cancel: 'Cancel',
  },
};

// The machines this runs on have no Khmer font: the page brings the one the portal ships.
const khmerFont = readFileSync(createRequire(import.meta.url).resolve('@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2'));

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, locale: 'km' | 'en', identities: DemoIdentity[]): string {
  const t = texts[locale];
  const options = identities
    .map(
      (p, i) => `<div><input type="radio" id="p${i}" name="sub" value="${escapeHtml(p.sub)}"${i === 0 ? ' checked' : ''}>
<label for="p${i}">${escapeHtml(p.name)} (${t.born} ${p.birthdate}, ${t.number} ${p.nationalIdNumber})</label></div>`,
    )
    .join('\n');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title><style>@font-face{font-family:'Noto Sans Khmer';src:url(/khmer.woff2) format('woff2')}
body{font-family:'Noto Sans Khmer',sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
fieldset{border:0;padding:0;margin:0 0 1rem}div{margin:.5rem 0}button{font:inherit;font-size:1rem;padding:.5rem 1rem;margin-right:1rem}</style></head>
<body><main><h1>${t.title}</h1><p>${t.lead}</p>
<form method="post" action="/interaction/${uid}"><fieldset><legend>${t.who}</legend>
${options}</fieldset><button type="submit" name="choice" value="login">${t.submit}</button><button type="submit" name="choice" value="cancel">${t.cancel}</button></form></main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) break;
  }
  return new URLSearchParams(body);
}

export async function startDemoIdentityProvider(options: DemoIdentityProviderOptions): Promise<RunningIdentityProvider> {
  const host = options.host ?? '127.0.0.1';
  const identities = options.identities ?? demoIdentities;
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port, host, resolve));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'demo', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    // Seconds. Its in-memory store (the package warns about it) is right for a demo: nothing here outlives a restart.
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    claims: { openid: ['sub'], profile: ['name', 'birthdate'], national_id: ['national_id_number'] },
    scopes: ['openid', 'profile', 'national_id'],
    features: { devInteractions: { enabled: false } },
    async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      const person = identities.find((p) => p.sub === sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, name: person.name, birthdate: person.birthdate, national_id_number: person.nationalIdNumber };
        },
      };
    },
    // The portal is the ministry's own client: the person consents by signing in.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
      await grant.save();
      return grant;
    },
  });
  const handleOidc = provider.callback();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/khmer.woff2') {
      res.writeHead(200, { 'content-type': 'font/woff2', 'cache-control': 'public, max-age=86400' });
      return void res.end(khmerFont);
    }
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
    if (!match) return void handleOidc(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method === 'GET') {
          const locale = String(details.params.ui_locales ?? '').startsWith('en') ? 'en' : 'km';
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
          return void res.end(loginPage(details.uid, locale, identities));
        }
        const form = await formBody(req);
        const sub = form.get('sub') ?? '';
        const result =
          form.get('choice') === 'login' && identities.some((p) => p.sub === sub)
            ? { login: { accountId: sub } }
            : { error: 'access_denied', error_description: 'The person cancelled the sign-in.' };
        await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        // The interaction (and so the person's language) is gone: say it in both.
        res.end('ការចូលនេះផុតកំណត់ហើយ។ សូមត្រឡប់ទៅវិបផតថល ហើយចាប់ផ្តើមម្តងទៀត។\nThis sign-in has expired. Go back to the portal and start again.\n');
      }
    })();
  });

  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
