// Signs in through the portal's own sign-in and second-factor forms over plain HTTP, as a browser
// without JavaScript does: benchmarks and load tests get a session the portal itself made, so they
// keep working whatever a session is (a sealed token today, a server-side row tomorrow).
import { Secret, TOTP } from 'otpauth';

/** Cookies as a browser keeps them: the last value of each name wins. */
class CookieJar {
  private readonly values = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      // An expired cookie (a sign-out, a consumed one-off cookie) is deleted.
      if (value === '' || /max-age=0\b/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)) this.values.delete(name);
      else this.values.set(name, value);
    }
  }

  get header(): string {
    return [...this.values].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

const decodeHtml = (value: string) =>
  value.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** The form on `html` that has a field named `field`, as the fields it posts without JavaScript. */
export function formWith(html: string, field: string, url: string): FormData {
  const form = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)].find((m) => m[1]!.includes(`name="${field}"`));
  if (!form) throw new Error(`${url} has no form with a "${field}" field`);
  const body = new FormData();
  for (const input of form[1]!.matchAll(/<input\b[^>]*>/g)) {
    const tag = input[0];
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    if (!name || !/\btype="hidden"/.test(tag)) continue;
    body.append(decodeHtml(name), decodeHtml(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? ''));
  }
  return body;
}

async function submit(jar: CookieJar, url: string, field: string, values: Record<string, string>): Promise<string> {
  const page = await fetch(url, { headers: { cookie: jar.header }, redirect: 'manual' });
  jar.take(page);
  if (page.status !== 200) throw new Error(`${url} answered ${page.status}`);
  const body = formWith(await page.text(), field, url);
  for (const [name, value] of Object.entries(values)) body.append(name, value);
  const answer = await fetch(url, { method: 'POST', body, headers: { cookie: jar.header }, redirect: 'manual' });
  jar.take(answer);
  const location = answer.headers.get('location');
  // A refusal re-renders the form with its message (200); a success moves on.
  if (answer.status < 300 || answer.status >= 400 || !location) {
    throw new Error(`Signing in at ${url} was refused (${answer.status}): check the account, its password and its authenticator key`);
  }
  return new URL(location, url).href;
}

/**
 * The Cookie header of a session signed in as `identifier`. Staff pass the second step with the
 * authenticator `authenticatorKey` (a code works once: sign the same account in at most once in
 * 30 seconds). The portal must be the production build with its forms' server actions.
 */
export async function signInOverHttp(
  baseUrl: string,
  identifier: string,
  password: string,
  { authenticatorKey }: { authenticatorKey?: string } = {},
): Promise<string> {
  const jar = new CookieJar();
  let next = await submit(jar, `${baseUrl}/en/sign-in`, 'identifier', { identifier, password });
  if (new URL(next).pathname.endsWith('/two-factor')) {
    if (!authenticatorKey) throw new Error(`${identifier} must pass the second factor: give its authenticator key`);
    const code = new TOTP({ secret: Secret.fromBase32(authenticatorKey), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
    next = await submit(jar, next, 'code', { code });
  }
  const landing = await fetch(next, { headers: { cookie: jar.header }, redirect: 'manual' });
  if (landing.status !== 200) throw new Error(`After signing in, ${next} answered ${landing.status}`);
  return jar.header;
}
