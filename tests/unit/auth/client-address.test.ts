import { expect, test } from 'vitest';
import { clientAddressOf, normalizeAddress, parseTrustedProxies } from '@/lib/auth/client-address';

const none = parseTrustedProxies(undefined);

test('with no trusted proxy the client is the connection, whatever X-Forwarded-For says', () => {
  expect(clientAddressOf('203.0.113.9', '198.51.100.1', none)).toBe('203.0.113.9');
  expect(clientAddressOf('::ffff:203.0.113.9', ['1.1.1.1', '2.2.2.2'], none)).toBe('203.0.113.9');
  expect(clientAddressOf('203.0.113.9', undefined, none)).toBe('203.0.113.9');
  expect(clientAddressOf(undefined, '198.51.100.1', none)).toBe('unknown');
});

test('X-Forwarded-For is walked from the right only through trusted proxies', () => {
  const proxies = parseTrustedProxies('127.0.0.1, 10.0.0.0/8');
  // The client wrote 6.6.6.6 itself; the outer proxy (10.1.2.3) appended the real peer.
  expect(clientAddressOf('127.0.0.1', '6.6.6.6, 203.0.113.9, 10.1.2.3', proxies)).toBe('203.0.113.9');
  expect(clientAddressOf('::ffff:127.0.0.1', '203.0.113.9', proxies)).toBe('203.0.113.9');
  // A peer that is not a proxy of ours is the client, whatever it forwards.
  expect(clientAddressOf('198.51.100.7', '203.0.113.9', proxies)).toBe('198.51.100.7');
  // Headers repeated are one list; a trusted proxy with nothing forwarded is the client itself.
  expect(clientAddressOf('127.0.0.1', ['6.6.6.6', '203.0.113.10'], proxies)).toBe('203.0.113.10');
  expect(clientAddressOf('127.0.0.1', '', proxies)).toBe('127.0.0.1');
  // Every hop trusted: the leftmost entry is as far back as anyone can say.
  expect(clientAddressOf('127.0.0.1', '10.0.0.9, 10.0.0.8', proxies)).toBe('10.0.0.9');
});

test('CIDRs in both families, and IPv4-mapped IPv6 peers count as their IPv4 address', () => {
  const proxies = parseTrustedProxies('192.168.0.0/16,fd00::/8,::1');
  expect(clientAddressOf('::ffff:192.168.4.5', '203.0.113.9', proxies)).toBe('203.0.113.9');
  expect(clientAddressOf('fd12:3456::1', '2001:db8::7', proxies)).toBe('2001:db8::7');
  expect(clientAddressOf('::1', '203.0.113.9', proxies)).toBe('203.0.113.9');
  expect(clientAddressOf('192.169.0.1', '203.0.113.9', proxies)).toBe('192.169.0.1');
  expect(clientAddressOf('fe80::1', '203.0.113.9', proxies)).toBe('fe80::1');
});

test('entries with ports or brackets become one key per address; nonsense stays short', () => {
  expect(normalizeAddress('203.0.113.9:51234')).toBe('203.0.113.9');
  expect(normalizeAddress('[2001:DB8::7]:443')).toBe('2001:db8::7');
  expect(normalizeAddress('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  expect(normalizeAddress('x'.repeat(500))).toHaveLength(64);
});

test('a TRUSTED_PROXIES entry that is not an address or CIDR stops the start with its name', () => {
  expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow('"10.0.0.0/33"');
  expect(() => parseTrustedProxies('proxy.internal')).toThrow('"proxy.internal"');
  expect(() => parseTrustedProxies('10.0.0.1/')).toThrow('"10.0.0.1/"');
  expect(() => parseTrustedProxies(' , ')).not.toThrow();
});
