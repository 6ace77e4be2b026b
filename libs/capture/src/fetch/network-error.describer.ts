import {
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_HEADERS_TIMEOUT_MS,
  DEFAULT_TOTAL_TIMEOUT_MS,
} from './fetch.constants';
import { FetchError, FetchErrorCode } from './fetch.error';
import type { PageVerdict } from './fetch.types';

/** Where the exchange was when it failed: a cut before the response is a network error, during the body a truncation. */
export type FailureStage = 'connect' | 'body';

export interface TimeoutSettings {
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  totalTimeoutMs?: number;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/** Error codes along the cause chain: undici wraps system errors, and aborts wrap their reason. */
function codesOf(err: unknown): { codes: string[]; names: string[]; messages: string[]; fetchError?: FetchError } {
  const out = { codes: [] as string[], names: [] as string[], messages: [] as string[], fetchError: undefined as FetchError | undefined };
  let current: unknown = err;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof FetchError && !out.fetchError) out.fetchError = current;
    if (typeof current === 'object') {
      const { code, name, message, cause } = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
      if (typeof code === 'string') out.codes.push(code);
      if (typeof name === 'string') out.names.push(name);
      if (typeof message === 'string') out.messages.push(message);
      current = cause;
    } else break;
  }
  return out;
}

/** Turns a thrown network error into an outcome with a sentence a person can act on. */
export function describeNetworkError(err: unknown, stage: FailureStage, timeouts: TimeoutSettings = {}): PageVerdict {
  const { codes, names, messages, fetchError } = codesOf(err);
  const has = (...wanted: string[]): boolean => wanted.some((c) => codes.includes(c));
  if (fetchError) {
    const blocked = fetchError.code === FetchErrorCode.PrivateAddress;
    return { outcome: 'network-error', cause: fetchError.message, transient: fetchError.code === FetchErrorCode.DnsFailure, problem: blocked ? 'blocked-private-address' : 'invalid-url' };
  }
  if (has('UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT')) {
    return { outcome: 'timeout', cause: `Connection timed out after ${timeouts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS} ms`, transient: true };
  }
  if (has('UND_ERR_HEADERS_TIMEOUT')) {
    return { outcome: 'timeout', cause: `No response headers within ${timeouts.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS} ms`, transient: true };
  }
  if (has('UND_ERR_BODY_TIMEOUT')) {
    return { outcome: 'timeout', cause: `Body stalled for more than ${timeouts.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS} ms`, transient: true };
  }
  if (names.includes('TimeoutError') || names.includes('AbortError') || has('UND_ERR_ABORTED', 'ABORT_ERR')) {
    return { outcome: 'timeout', cause: `Fetch took longer than ${timeouts.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS} ms`, transient: true };
  }
  if (has('Z_BUF_ERROR', 'Z_DATA_ERROR', 'ERR__ERROR_FORMAT_PADDING_1', 'ERR_PADDING_1', 'ERR_BROTLI_DECOMPRESSION_FAILED')) {
    return { outcome: 'truncated', cause: 'Compressed body is cut short or corrupt', transient: true };
  }
  if (stage === 'body' && has('UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'ECONNABORTED')) {
    return { outcome: 'truncated', cause: 'Connection closed before the whole body arrived', transient: true };
  }
  if (has('ECONNREFUSED')) return { outcome: 'network-error', cause: 'Connection refused', transient: true };
  if (has('ECONNRESET')) return { outcome: 'network-error', cause: 'Connection reset by the server', transient: true };
  if (has('UND_ERR_SOCKET')) return { outcome: 'network-error', cause: 'Connection closed by the server before a response', transient: true };
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL')) {
    return { outcome: 'network-error', cause: `DNS lookup failed (${codes.find((c) => c.startsWith('E'))})`, transient: true };
  }
  if (has('EHOSTUNREACH', 'ENETUNREACH')) return { outcome: 'network-error', cause: 'Host unreachable', transient: true };
  const tls = codes.find((c) => /CERT|SSL|TLS|SELF_SIGNED/.test(c));
  if (tls) return { outcome: 'network-error', cause: `TLS certificate problem (${tls})`, transient: false };
  const detail = codes[0] ?? messages[0] ?? String(err);
  return stage === 'body'
    ? { outcome: 'truncated', cause: `Body interrupted (${detail})`, transient: true }
    : { outcome: 'network-error', cause: `Network error (${detail})`, transient: true };
}
