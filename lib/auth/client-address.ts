/**
 * The client's address, for throttling. X-Forwarded-For is written by whoever sends the request,
 * so it is believed only as far as a proxy we trust wrote it: starting from the connection's own
 * address, each hop that is a trusted proxy (TRUSTED_PROXIES, IPs or CIDRs, comma-separated;
 * none by default) hands over to the entry it appended, from the right; the first hop that is
 * not a trusted proxy is the client. With no trusted proxy, the client is the connection's peer.
 *
 * Route handlers and server actions under `next start` never see the connection, so the portal
 * runs Next through lib/cli/app-server.ts, which works the address out here and hands it on in
 * `clientAddressHeader`, replacing whatever a client sent under that name.
 */
import { BlockList, isIP } from 'node:net';

export const clientAddressHeader = 'x-portal-client-address';

/** Without the app server in front (next dev, a bare next start), every client shares one key. */
export const unknownAddress = 'unknown';

/** An address as one key: IPv4-mapped IPv6 (::ffff:1.2.3.4) as IPv4, no brackets or port. */
export function normalizeAddress(raw: string): string {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  // Keys stay short whatever a client writes.
  return isIP(address) ? address.toLowerCase() : address.slice(0, 64);
}

export type TrustedProxies = BlockList;

/** TRUSTED_PROXIES parsed: "10.0.0.1, 192.168.0.0/16, fd00::/8". A wrong entry stops the start. */
export function parseTrustedProxies(text: string | undefined): TrustedProxies {
  return addressRanges((text ?? '').split(','), 'TRUSTED_PROXIES');
}

/** IPs and CIDR ranges as one list to check addresses against; `setting` names them in the error a wrong entry throws. */
export function addressRanges(entries: readonly string[], setting: string): BlockList {
  const list = new BlockList();
  for (const entry of entries.map((e) => e.trim()).filter(Boolean)) {
    const [ip = '', prefix] = entry.split('/');
    const address = normalizeAddress(ip);
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (!family || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32) || prefix === '') {
      throw new Error(`${setting}: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.1 or 10.0.0.0/8).`);
    }
    list.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

let fromEnv: { text: string | undefined; proxies: TrustedProxies } | null = null;

/** TRUSTED_PROXIES from the environment, parsed once per value. */
export function trustedProxies(): TrustedProxies {
  const text = process.env.TRUSTED_PROXIES;
  if (!fromEnv || fromEnv.text !== text) fromEnv = { text, proxies: parseTrustedProxies(text) };
  return fromEnv.proxies;
}

export function isTrustedProxy(address: string, proxies: TrustedProxies): boolean {
  return inRanges(address, proxies);
}

/** Whether an address (as normalizeAddress writes it) is in the list. */
export function inRanges(address: string, ranges: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && ranges.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** The client behind `socketAddress`, given the X-Forwarded-For header(s) it sent. */
export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | null | undefined,
  proxies: TrustedProxies,
): string {
  if (!socketAddress) return unknownAddress;
  const entries = [forwardedFor ?? []].flat().join(',').split(',').map((e) => e.trim()).filter(Boolean);
  let hop = normalizeAddress(socketAddress);
  while (isTrustedProxy(hop, proxies) && entries.length) hop = normalizeAddress(entries.pop()!);
  return hop;
}
