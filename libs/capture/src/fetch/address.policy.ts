import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { FetchError, FetchErrorCode } from './fetch.error';

/** The problem code, and the start of the cause, of a capture refused by the address policy. */
export const BLOCKED_PRIVATE_ADDRESS = 'blocked-private-address';

export interface AddressPolicyOptions {
  /** Every address allowed (development and tests on loopback); false on any public deployment. */
  allowPrivateNetworks: boolean;
  /** Single hosts let through although they are private: `intranet.example`, `10.0.0.7` or `host:port`. */
  allowedPrivateHosts?: readonly string[];
  /** Replaces DNS resolution, for tests. */
  resolve?: (hostname: string) => Promise<string[]>;
}

/** What a host was found to be: the addresses it resolved to, and whether any is private (allowed by config). */
export interface HostVerdict {
  addresses: string[];
  private: boolean;
}

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/** Strips the brackets of an IPv6 literal as URL.hostname keeps them. */
export function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/**
 * Whether an IP address is ordinary global unicast. Classification is ipaddr.js's table of
 * special-purpose ranges (IANA registries): anything it names — loopback, private, link-local,
 * carrier-grade NAT, multicast, reserved, benchmarking, IPv4-mapped and -compatible, NAT64
 * (64:ff9b::/96 and /48), 6to4, Teredo, ORCHID, discard — is refused. The translation ranges are refused
 * whole rather than decoded: they can reach an embedded IPv4 host, and a watched site never needs them.
 */
export function isPublicAddress(address: string): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return false;
  }
  if (parsed.range() !== 'unicast') return false;
  // IANA allocates global unicast only from 2000::/3; the rest (IPv4-compatible ::a.b.c.d among it) is never a website.
  return parsed.kind() === 'ipv4' || (parsed as ipaddr.IPv6).match(GLOBAL_UNICAST_V6);
}

/** An IP literal outside global unicast; false for anything that is not an IP literal. */
export function isPrivateAddress(address: string): boolean {
  return ipaddr.isValid(bareHost(address)) && !isPublicAddress(bareHost(address));
}

function isIpLiteral(host: string): boolean {
  // ipaddr.isValid accepts shorthand such as "1.2.3" that URL parsing has already expanded; a name never
  // contains a colon and never consists only of digits and dots after WHATWG URL parsing.
  return ipaddr.IPv6.isValid(host) || ipaddr.IPv4.isValidFourPartDecimal(host);
}

/** Every address of a name from the system resolver; errors keep their `ENOTFOUND`/`EAI_AGAIN` codes. */
function systemLookupAll(hostname: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses: LookupAddress[]) => {
      if (err) reject(err);
      else resolve(addresses.map((a) => a.address));
    });
  });
}

function systemResolve(hostname: string): Promise<string[]> {
  return systemLookupAll(hostname).catch((err: NodeJS.ErrnoException) => {
    throw new FetchError(FetchErrorCode.DnsFailure, `DNS lookup failed for ${hostname} (${err.code ?? err.message})`);
  });
}

/**
 * The one rule for which hosts a fetcher may contact, shared by the HTTP and the browser fetcher.
 * Names are resolved here, and every address they resolve to must be public unless the host is one
 * of the allowed private hosts (or private networks are allowed altogether).
 */
export class AddressPolicy {
  private readonly allowed: Array<{ host: string; port: string | null }>;

  constructor(private readonly options: AddressPolicyOptions) {
    this.allowed = (options.allowedPrivateHosts ?? []).map(parseAllowedHost);
  }

  get allowsPrivateNetworks(): boolean {
    return this.options.allowPrivateNetworks;
  }

  /** Whether the host (and port, when the entry names one) is on the allow list. */
  isAllowedPrivateHost(hostname: string, port?: string): boolean {
    const host = bareHost(hostname);
    return this.allowed.some((entry) => entry.host === host && (entry.port === null || port === undefined || entry.port === port));
  }

  /** Literal-only check (no DNS): throws FetchError PRIVATE_ADDRESS for a refused literal or `localhost` name. */
  checkLiteral(url: URL): void {
    if (this.options.allowPrivateNetworks || this.isAllowedPrivateHost(url.hostname, effectivePort(url))) return;
    const host = bareHost(url.hostname);
    if (host === 'localhost' || host.endsWith('.localhost') || (isIpLiteral(host) && !isPublicAddress(host))) {
      throw refusal(host, null);
    }
  }

  /** Resolves the URL's host and throws FetchError PRIVATE_ADDRESS (or DNS_FAILURE) when it may not be contacted. */
  async check(url: URL): Promise<HostVerdict> {
    const host = bareHost(url.hostname);
    const listed = this.isAllowedPrivateHost(host, effectivePort(url));
    if (!this.options.allowPrivateNetworks && !listed) this.checkLiteral(url);
    if (isIpLiteral(host)) return { addresses: [host], private: !isPublicAddress(host) };
    if (this.options.allowPrivateNetworks) {
      // Nothing to refuse: resolving only tells whether causes must stay vague about the host's ports.
      const addresses = await (this.options.resolve ?? systemResolve)(host).catch(() => [] as string[]);
      return { addresses, private: addresses.some((a) => !isPublicAddress(a)) };
    }
    const addresses = await (this.options.resolve ?? systemResolve)(host);
    const bad = addresses.find((a) => !isPublicAddress(a));
    if (bad && !this.options.allowPrivateNetworks && !listed) throw refusal(host, bad);
    return { addresses, private: bad !== undefined };
  }

  /** Connect-time check of one resolved address (DNS may answer differently than at validation: rebinding). */
  allowsAddress(hostname: string, address: string): boolean {
    return this.options.allowPrivateNetworks || isPublicAddress(address) || this.isAllowedPrivateHost(hostname);
  }

  /**
   * The addresses to open a socket to, resolved at connect time (the answer the connection will use,
   * not the one seen at validation), refused whole when any of them may not be contacted.
   */
  async resolveForConnect(hostname: string): Promise<string[]> {
    const host = bareHost(hostname);
    const addresses = isIpLiteral(host) ? [host] : await (this.options.resolve ?? systemLookupAll)(host);
    const bad = addresses.find((a) => !this.allowsAddress(host, a));
    if (bad !== undefined) throw refusal(host, bad);
    return addresses;
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for sockets (undici's `connect.lookup`) that resolves through the policy at connect time, so
 * a name that answered a public address when the URL was checked and a private one now (DNS rebinding)
 * is refused where the socket is opened.
 */
export function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    policy.resolveForConnect(hostname).then(
      (resolved) => {
        const addresses = resolved.map((address) => ({ address, family: ipaddr.parse(address).kind() === 'ipv6' ? 6 : 4 }));
        if (addresses.length === 0) return callback(Object.assign(new Error(`DNS lookup failed for ${hostname} (no address)`), { code: 'ENOTFOUND' }), []);
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      },
      (err: NodeJS.ErrnoException) => callback(err, []),
    );
  };
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === 'https:' || url.protocol === 'wss:' ? '443' : '80');
}

function parseAllowedHost(entry: string): { host: string; port: string | null } {
  const trimmed = entry.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(trimmed);
  if (bracketed) return { host: bracketed[1], port: bracketed[2] ?? null };
  const withPort = /^([^:]+):(\d+)$/.exec(trimmed);
  if (withPort) return { host: withPort[1], port: withPort[2] };
  return { host: trimmed, port: null };
}

function refusal(host: string, address: string | null): FetchError {
  const detail = address ? `${host} resolves to a private or reserved address` : `${host} is a private or reserved address`;
  return new FetchError(FetchErrorCode.PrivateAddress, `${BLOCKED_PRIVATE_ADDRESS}: ${detail}`);
}
