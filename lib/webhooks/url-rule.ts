// Where the portal will POST deliveries. The decision (README "Webhooks"):
// - https, to a name or a public address: the body is signed but not secret-free of identifiers,
//   and a receiver must be able to prove it is who the client meant;
// - never to the portal's own network (loopback, private, link-local addresses written as such),
//   so a subscription cannot turn the worker against internal services;
// - plain http only to this machine's loopback, and only where loopback receivers are allowed
//   (DEMO=1 or WEBHOOKS_LOOPBACK=1: the demo and the tests), for a receiver on the same machine.
// Names are not resolved here: a name that resolves to an internal address is the network's to
// refuse (the worker should run where it can reach only the outside).
import { BlockList, isIP } from 'node:net';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8);
loopback.addAddress('::1', 'ipv6');

const internal = new BlockList();
for (const [network, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) {
  internal.addSubnet(network, prefix);
}
for (const [network, prefix] of [['fc00::', 7], ['fe80::', 10], ['::', 128]] as const) internal.addSubnet(network, prefix, 'ipv6');

export type UrlRefusal = 'form' | 'https' | 'internal';

const loopbackAllowed = () => process.env.WEBHOOKS_LOOPBACK === '1' || process.env.DEMO === '1';

/** Whether deliveries may go to this address; the reason when not. */
export function checkWebhookUrl(text: string): { ok: true; url: string } | { ok: false; reason: UrlRefusal } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'form' };
  }
  if (text.length > 2000 || url.username || url.password || url.hash || !['https:', 'http:'].includes(url.protocol)) return { ok: false, reason: 'form' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  const isLoopback = host === 'localhost' || (family !== 0 && loopback.check(host, family === 6 ? 'ipv6' : 'ipv4'));
  if (isLoopback) return loopbackAllowed() ? { ok: true, url: url.href } : { ok: false, reason: 'internal' };
  if (family !== 0 && internal.check(host, family === 6 ? 'ipv6' : 'ipv4')) return { ok: false, reason: 'internal' };
  if (url.protocol !== 'https:') return { ok: false, reason: 'https' };
  return { ok: true, url: url.href };
}
