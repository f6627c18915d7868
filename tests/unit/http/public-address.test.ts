import { expect, test } from 'vitest';
import { publicAddress, publicUrl } from '@/lib/http/public-address';
import { isSameOriginPost } from '@/lib/http/same-origin';

const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;

test('the public address is NEXTAUTH_URL as scheme, host and port, whatever follows it', () => {
  expect(publicAddress(env({ NEXTAUTH_URL: 'https://e-services.mpwt.gov.kh' }))).toBe('https://e-services.mpwt.gov.kh');
  expect(publicAddress(env({ NEXTAUTH_URL: 'https://e-services.mpwt.gov.kh/' }))).toBe('https://e-services.mpwt.gov.kh');
  expect(publicAddress(env({ NEXTAUTH_URL: ' http://portal.example:8080/km ' }))).toBe('http://portal.example:8080');
  expect(publicUrl('/api/national-id/callback', env({ NEXTAUTH_URL: 'https://e-services.mpwt.gov.kh/' }))).toBe(
    'https://e-services.mpwt.gov.kh/api/national-id/callback',
  );
});

test('without NEXTAUTH_URL it is localhost on PORT, as npm start sets it', () => {
  expect(publicAddress(env({ PORT: '4000' }))).toBe('http://localhost:4000');
  expect(publicAddress(env({}))).toBe('http://localhost:3000');
});

test('a form post is ours when its Origin is the public address or the host the browser reached', () => {
  process.env.NEXTAUTH_URL = 'https://e-services.mpwt.gov.kh';
  const post = (origin: string | null, host: string) => isSameOriginPost(new Headers({ host, ...(origin === null ? {} : { origin }) }));
  // Behind the proxy the app sees its internal name; the browser names the public one.
  expect(post('https://e-services.mpwt.gov.kh', '10.0.0.5:3000')).toBe(true);
  // Reached directly by another name: the browser's Origin and Host agree.
  expect(post('http://127.0.0.1:3000', '127.0.0.1:3000')).toBe(true);
  expect(post(null, '127.0.0.1:3000')).toBe(true);
  expect(post('https://evil.example', 'e-services.mpwt.gov.kh')).toBe(false);
  expect(post('https://evil.example', '10.0.0.5:3000')).toBe(false);
  expect(post('null', 'e-services.mpwt.gov.kh')).toBe(false);
});
