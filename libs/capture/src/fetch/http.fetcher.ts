import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createUnzip } from 'node:zlib';
import { Agent, request, type Dispatcher } from 'undici';
import {
  ACCEPT,
  ACCEPT_ENCODING,
  ACCEPT_LANGUAGE,
  BROWSER_USER_AGENT,
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_HEADERS_TIMEOUT_MS,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TOTAL_TIMEOUT_MS,
  REDIRECT_STATUSES,
} from './fetch.constants';
import { FetchError, FetchErrorCode } from './fetch.error';
import type { FetchRequest, FetchResult, PageFetcher, PageVerdict, ResponseHeaders } from './fetch.types';
import { describeNetworkError, formatBytes, type FailureStage } from './network-error.describer';
import { classifyPage } from './page.classifier';
import { AddressPolicy, guardedLookup, type HostVerdict } from './address.policy';
import { checkTargetUrlSyntax } from './target-url.validator';

export interface HttpFetcherOptions {
  maxBytes?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Whole fetch, redirects included. */
  totalTimeoutMs?: number;
  maxRedirects?: number;
  userAgent?: string;
  acceptLanguage?: string;
  /** Default false: only public addresses. */
  allowPrivateNetworks?: boolean;
  /** Single private hosts let through (`host` or `host:port`). */
  allowedPrivateHosts?: readonly string[];
  /** Keep "refused", "reset"… for private hosts too (tests of the causes); by default they all read the same. */
  detailedPrivateCauses?: boolean;
}

type Attempt = Omit<FetchResult, 'url' | 'fetcher' | 'durationMs'>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function decoderFor(encoding: string | undefined): Transform | undefined {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
    case 'deflate':
      // Unzip detects gzip and zlib headers itself; "deflate" is zlib-wrapped per RFC 9110.
      return createUnzip();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

/** Before any response, a private host's failures all read the same, so causes never map its ports. */
const PRIVATE_CONNECT_FAILURE: PageVerdict = { outcome: 'network-error', cause: 'Could not connect to the host (private network)', transient: true };

/** Plain HTTP(S) with undici: redirects, decompression, a size cap and timeouts, all turned into outcomes. */
export class HttpFetcher implements PageFetcher {
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly totalTimeoutMs: number;
  private readonly policy: AddressPolicy;
  private readonly headers: Record<string, string>;
  private readonly agent: Agent;

  constructor(private readonly options: HttpFetcherOptions = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    this.totalTimeoutMs = options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS;
    this.policy = new AddressPolicy({ allowPrivateNetworks: options.allowPrivateNetworks ?? false, allowedPrivateHosts: options.allowedPrivateHosts });
    this.headers = {
      'user-agent': options.userAgent ?? BROWSER_USER_AGENT,
      accept: ACCEPT,
      'accept-language': options.acceptLanguage ?? ACCEPT_LANGUAGE,
      'accept-encoding': ACCEPT_ENCODING,
    };
    this.agent = new Agent({
      connect: {
        timeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
        ...(this.policy.allowsPrivateNetworks ? {} : { lookup: guardedLookup(this.policy) }),
      },
      headersTimeout: options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
      bodyTimeout: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
    });
  }

  async fetch(req: FetchRequest): Promise<FetchResult> {
    const started = performance.now();
    const attempt = await this.follow(req);
    return { ...attempt, url: req.url, fetcher: 'http', durationMs: Math.round(performance.now() - started) };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private async follow(req: FetchRequest): Promise<Attempt> {
    const signal = AbortSignal.timeout(this.totalTimeoutMs);
    const visited = new Set<string>();
    let current = req.url;
    for (let hop = 0; ; hop++) {
      let host: HostVerdict;
      try {
        host = await this.policy.check(checkTargetUrlSyntax(current, { allowPrivateNetworks: true }));
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const cause = hop === 0 ? message : `Redirect refused: ${message}`;
        const blocked = err instanceof FetchError && err.code === FetchErrorCode.PrivateAddress;
        return {
          outcome: 'network-error',
          cause,
          transient: err instanceof FetchError && err.code === FetchErrorCode.DnsFailure,
          problem: blocked ? 'blocked-private-address' : 'invalid-url',
          finalUrl: current,
        };
      }
      visited.add(current.replace(/#.*$/, ''));
      const step = await this.once(current, req, signal, host.private);
      if ('redirect' in step) {
        const next = step.redirect;
        if (visited.has(next.replace(/#.*$/, ''))) {
          return { outcome: 'http-error', cause: `Redirect loop: ${current} redirects back to ${next}`, transient: false, httpStatus: step.status, finalUrl: current };
        }
        if (hop + 1 > this.maxRedirects) {
          return { outcome: 'http-error', cause: `More than ${this.maxRedirects} redirects`, transient: false, httpStatus: step.status, finalUrl: current };
        }
        current = next;
        continue;
      }
      return { ...step, finalUrl: current };
    }
  }

  /** One request; a redirect comes back as the next URL, anything else as the attempt's result. */
  private async once(url: string, req: FetchRequest, signal: AbortSignal, privateHost: boolean): Promise<Attempt | { redirect: string; status: number }> {
    const headers: Record<string, string> = { ...this.headers };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    let stage: FailureStage = 'connect';
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, { method: 'GET', headers, dispatcher: this.agent, signal });
    } catch (err) {
      const verdict = describeNetworkError(err, stage, this.options);
      const portState = verdict.problem !== 'blocked-private-address' && (verdict.outcome === 'network-error' || verdict.cause?.startsWith('Connection timed out'));
      return privateHost && !this.options.detailedPrivateCauses && portState ? PRIVATE_CONNECT_FAILURE : verdict;
    }
    const { statusCode: status, headers: resHeaders, body } = response;
    const validators = { etag: first(resHeaders['etag']), lastModified: first(resHeaders['last-modified']) };
    const location = first(resHeaders['location']);
    if (REDIRECT_STATUSES.has(status) && location) {
      discard(body);
      return { redirect: new URL(location, url).toString(), status };
    }
    if (status === 304) {
      discard(body);
      return { outcome: 'not-modified', transient: false, httpStatus: status, ...validators };
    }
    const declared = Number(first(resHeaders['content-length']) ?? NaN);
    if (declared > this.maxBytes) {
      discard(body);
      return this.tooLarge(status, `Content-Length ${formatBytes(declared)}`);
    }
    stage = 'body';
    let bytes: Buffer;
    try {
      const read = await this.readBody(body, first(resHeaders['content-encoding']));
      if (read === 'too-large') return this.tooLarge(status, 'more was sent');
      bytes = read;
    } catch (err) {
      return { ...describeNetworkError(err, stage, this.options), httpStatus: status };
    }
    const encoded = resHeaders['content-encoding'] !== undefined;
    if (!encoded && Number.isFinite(declared) && bytes.length < declared) {
      return { outcome: 'truncated', cause: `Body ended after ${formatBytes(bytes.length)} of ${formatBytes(declared)}`, transient: true, httpStatus: status };
    }
    const contentType = first(resHeaders['content-type']);
    const verdict: PageVerdict = classifyPage(status, resHeaders as ResponseHeaders, bytes);
    if (verdict.outcome !== 'ok') return { ...verdict, httpStatus: status, ...validators };
    return { outcome: 'ok', transient: false, httpStatus: status, body: bytes, contentType, ...validators };
  }

  private tooLarge(status: number, detail: string): Attempt {
    return {
      outcome: 'truncated',
      cause: `Page larger than the ${formatBytes(this.maxBytes)} limit (${detail}); not downloaded`,
      transient: false,
      problem: 'too-large',
      httpStatus: status,
    };
  }

  /** Reads at most `maxBytes` of decoded body, so neither a huge page nor a compression bomb fills memory. */
  private async readBody(body: Readable, encoding: string | undefined): Promise<Buffer | 'too-large'> {
    const chunks: Buffer[] = [];
    let total = 0;
    const decoder = decoderFor(encoding);
    try {
      for await (const chunk of decoder ? decodeStream(decoder, body) : (body as AsyncIterable<Buffer>)) {
        total += chunk.length;
        if (total > this.maxBytes) return 'too-large';
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    } finally {
      discard(body);
      decoder?.destroy();
    }
  }
}

/** Drops a body we will not read; undici reports the abort as an error event nobody needs. */
function discard(body: Readable): void {
  if (body.destroyed) return;
  body.on('error', () => undefined);
  body.destroy();
}

/** Pipes the body through the decoder so that errors of either (a cut connection, a bad stream) surface here. */
async function* decodeStream(decoder: Transform, body: Readable): AsyncGenerator<Buffer> {
  body.on('error', (err) => decoder.destroy(err));
  body.pipe(decoder);
  for await (const chunk of decoder as AsyncIterable<Buffer>) yield chunk;
}
