import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { FetchError, FetchErrorCode } from './fetch.error';
import { MAX_URL_LENGTH } from './fetch.constants';

export interface TargetUrlOptions {
  /** Loopback, private and link-local targets; true in this project because tests and local archives use loopback. */
  allowPrivateNetworks: boolean;
  /** Replaces DNS resolution, for tests. */
  resolve?: (hostname: string) => Promise<string[]>;
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** Loopback, private, link-local, carrier-grade NAT, multicast or reserved. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return false;
  // IPv4-mapped and NAT64 forms reach the same IPv4 hosts.
  const mapped = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1], 'ipv4');
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hexMapped) {
    const [hi, lo] = [parseInt(hexMapped[1], 16), parseInt(hexMapped[2], 16)];
    return blocked.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
  }
  return blocked.check(address, 'ipv6');
}

function systemResolve(hostname: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true }, (err, addresses: LookupAddress[]) => {
      if (err) reject(new FetchError(FetchErrorCode.DnsFailure, `DNS lookup failed for ${hostname} (${err.code ?? err.message})`));
      else resolve(addresses.map((a) => a.address));
    });
  });
}

/** Checks what can be checked without the network: scheme, credentials, length, literal addresses. */
export function checkTargetUrlSyntax(raw: string, options: Pick<TargetUrlOptions, 'allowPrivateNetworks'>): URL {
  if (raw.length > MAX_URL_LENGTH) {
    throw new FetchError(FetchErrorCode.UrlTooLong, `URL is ${raw.length} characters long (limit ${MAX_URL_LENGTH})`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError(FetchErrorCode.InvalidUrl, `Not a valid URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(FetchErrorCode.UnsupportedScheme, `Only http and https URLs can be watched, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new FetchError(FetchErrorCode.CredentialsInUrl, 'URLs with credentials are refused');
  }
  if (!url.hostname) throw new FetchError(FetchErrorCode.InvalidUrl, `URL has no host: ${raw.slice(0, 200)}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivateNetworks && (isPrivateAddress(host) || host === 'localhost' || host.endsWith('.localhost'))) {
    throw new FetchError(FetchErrorCode.PrivateAddress, `Refused private or loopback address ${host}`);
  }
  return url;
}

/**
 * Rejects URLs a crawler must not fetch. With private networks disallowed, the host's DNS answers are
 * checked too; the HTTP fetcher checks again at connect time, since DNS can change in between.
 */
export async function validateTargetUrl(raw: string, options: TargetUrlOptions): Promise<URL> {
  const url = checkTargetUrlSyntax(raw, options);
  if (options.allowPrivateNetworks) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return url;
  const addresses = await (options.resolve ?? systemResolve)(host);
  const bad = addresses.find(isPrivateAddress);
  if (bad) throw new FetchError(FetchErrorCode.PrivateAddress, `Refused ${host}: it resolves to private address ${bad}`);
  return url;
}
