import { afterEach, expect, test } from 'vitest';
import { checkWebhookUrl } from '@/lib/webhooks/url-rule';

afterEach(() => {
  delete process.env.WEBHOOKS_LOOPBACK;
});

test('deliveries go to https addresses on the public network', () => {
  expect(checkWebhookUrl('https://systems.example.com/hooks')).toEqual({ ok: true, url: 'https://systems.example.com/hooks' });
  expect(checkWebhookUrl('https://203.0.113.7:8443/hooks')).toMatchObject({ ok: true });
  expect(checkWebhookUrl('http://systems.example.com/hooks')).toEqual({ ok: false, reason: 'https' });
  for (const internal of ['https://10.1.2.3/', 'https://192.168.0.1/', 'https://169.254.169.254/latest', 'https://[fd00::1]/', 'https://127.0.0.1/', 'https://localhost/']) {
    expect(checkWebhookUrl(internal), internal).toEqual({ ok: false, reason: 'internal' });
  }
  for (const malformed of ['not a url', 'ftp://example.com/', 'https://user:pass@example.com/', 'https://example.com/#part']) {
    expect(checkWebhookUrl(malformed), malformed).toEqual({ ok: false, reason: 'form' });
  }
});

test('plain http to loopback only where loopback receivers are allowed (the demo and the tests)', () => {
  expect(checkWebhookUrl('http://127.0.0.1:4000/hooks')).toEqual({ ok: false, reason: 'internal' });
  process.env.WEBHOOKS_LOOPBACK = '1';
  expect(checkWebhookUrl('http://127.0.0.1:4000/hooks')).toEqual({ ok: true, url: 'http://127.0.0.1:4000/hooks' });
  expect(checkWebhookUrl('http://[::1]:4000/hooks')).toMatchObject({ ok: true });
  expect(checkWebhookUrl('http://10.0.0.1/hooks')).toEqual({ ok: false, reason: 'internal' });
});
