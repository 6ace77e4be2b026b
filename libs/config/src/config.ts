import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import ipaddr from 'ipaddr.js';
import { DEFAULT_MAX_TEXT_CHARS } from './config.constants';

/** Everything the processes read from the environment, validated once at boot. */
export interface AppConfig {
  port: number;
  host: string;
  /** Unset: the embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  /** Unset: generated and printed at first start, then kept under `dataDir`. */
  adminToken: string | null;
  resendApiKey: string | null;
  resendBaseUrl: string | null;
  emailFrom: string;
  recordIdPrefix: string;
  /** RECORD_ID_PREFIX was set: migrating stores it (otherwise a stored prefix is kept). */
  recordIdPrefixConfigured: boolean;
  chromiumPath: string;
  /** Public base URL used in permalinks, citations and emails. */
  publicUrl: string;
  /** Delay before a new text is fetched again to confirm it (0: at once, in the same check). */
  confirmDelaySeconds: number;
  /** How often the scheduler looks for due documents. */
  schedulerTickSeconds: number;
  /** Default check interval of new documents. */
  defaultCheckIntervalMinutes: number;
  /** Pause between two requests to the same host. */
  politenessDelayMs: number;
  perHostConcurrency: number;
  fetchTimeoutMs: number;
  maxPageBytes: number;
  allowPrivateNetworks: boolean;
  /** Single private hosts the fetchers may contact although private networks are refused (`host` or `host:port`). */
  allowedPrivateHosts: string[];
  /** Turn off the crawler and scheduler in this process (API only). */
  crawlerEnabled: boolean;
  seedCatalog: boolean;
  /** Memory for serialized records in the API; 0 turns the cache off. */
  recordCacheMb: number;
  /** Svix signing secret of the Resend webhook (`whsec_…`); unset: the webhook route refuses events. */
  resendWebhookSecret: string | null;
  /** Extraction or analysis of one page stopped after this (`too-complex`). */
  workerDeadlineMs: number;
  /** Heap of the worker thread for large pages and texts (`too-large` beyond it). */
  workerMemoryMb: number;
  /** Extraction/analysis worker threads per process for ordinary pages (the large page's thread comes on top). */
  workerThreads: number;
  /** Heap of each ordinary worker thread; a task over it runs again on the large page's thread. */
  workerSmallMemoryMb: number;
  /** A page or text of this many bytes or more goes straight to the large page's thread. */
  workerLargeTaskBytes: number;
  /** An idle worker thread exits after this, returning its memory. */
  workerIdleMs: number;
  /** A page whose extracted text is longer fails as `too-large` before it is split or analysed. */
  maxTextChars: number;
  /** PKCS#8 PEM of the ledger's Ed25519 signing key; null: DATA_DIR/ledger/signing-key.pem (never the database). */
  ledgerSigningKey: string | null;
  /**
   * Which peers' X-Forwarded-For is believed (Fastify's `trustProxy`): false (the default) uses the socket
   * address, so a client cannot name itself another client past the rate limits; a hop count or a list of
   * proxy addresses and CIDR ranges when the API runs behind a proxy; true trusts every peer.
   */
  trustProxy: TrustProxy;
  /** Requests per minute and client on every route (admin requests exempt). */
  rateLimitPerMinute: number;
  /** Requests per minute and client on GET /records/:id/verify, which re-hashes stored snapshots. */
  verifyRateLimitPerMinute: number;
  /** Largest JSON or form body. */
  jsonBodyLimitBytes: number;
  /** A request not answered within this gets 503. */
  requestTimeoutMs: number;
  /** `json`: one JSON object per line (the default under NODE_ENV=production); `pretty`: readable lines. */
  logFormat: 'json' | 'pretty';
  /** Stripe billing; unset: the upgrade page says billing is not configured and admins set plans. */
  stripeSecretKey: string | null;
  stripeWebhookSecret: string | null;
  /** Stripe API base URL (tests point it at a local fake). */
  stripeBaseUrl: string | null;
  /** Stripe price ID of each paid plan (unset: a price is created by lookup key at first checkout). */
  stripePrices: { watcher: string | null; monitor: string | null; professional: string | null };
  /** Subscribers (by email, lower case) who see the admin pages. */
  adminEmails: string[];
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number between ${min} and ${max}, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${env[name]}"`);
}

function optional(env: Env, name: string): string | null {
  const raw = env[name]?.trim();
  return raw ? raw : null;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = optional(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${parsed.protocol}//"`);
  }
  return raw;
}

function webhookSecret(env: Env, name: string): string | null {
  const raw = optional(env, name);
  if (raw !== null && !/^whsec_[A-Za-z0-9+/=]{16,}$/.test(raw)) throw new ConfigError(name, 'must be a Svix signing secret (whsec_ followed by base64)');
  return raw;
}

function pem(env: Env, name: string): string | null {
  const raw = optional(env, name);
  if (raw === null) return null;
  if (!/^-----BEGIN PRIVATE KEY-----(\\n|\s)/.test(raw)) throw new ConfigError(name, 'must be a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)');
  return raw;
}

/** Fastify's `trustProxy`: off, every peer, a hop count, or proxy addresses and CIDR ranges. */
export type TrustProxy = boolean | number | string[];

/** proxy-addr's named ranges, accepted beside addresses and CIDRs. */
const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(value: string): boolean {
  if (TRUST_PROXY_NAMES.has(value)) return true;
  const [address, bits, extra] = value.split('/');
  if (extra !== undefined || !ipaddr.isValid(address)) return false;
  if (bits === undefined) return true;
  const max = ipaddr.parse(address).kind() === 'ipv4' ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

function trustProxy(env: Env, name: string): TrustProxy {
  const raw = optional(env, name);
  if (raw === null || raw.toLowerCase() === 'false') return false;
  if (raw.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 32) throw new ConfigError(name, `hop count must be at most 32, got ${raw}`);
    return hops === 0 ? false : hops;
  }
  const list = raw.split(',').map((v) => v.trim()).filter(Boolean);
  const bad = list.find((v) => !isAddressOrRange(v));
  if (bad !== undefined) {
    throw new ConfigError(name, `must be false, true, a hop count or a comma-separated list of proxy addresses or CIDR ranges (e.g. 10.0.0.0/8,::1), got "${bad}"`);
  }
  return list;
}

/** Comma-separated `host` or `host:port` entries (IPv6 in brackets). */
function hostList(env: Env, name: string): string[] {
  const raw = optional(env, name);
  if (raw === null) return [];
  return raw.split(',').map((entry) => {
    const host = entry.trim().toLowerCase();
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(host)) {
      throw new ConfigError(name, `must list host names or addresses, optionally with :port, separated by commas; got "${entry.trim()}"`);
    }
    return host;
  });
}

function emails(env: Env, name: string): string[] {
  const list = (optional(env, name) ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
  const bad = list.find((e) => !/^[^\s@]+@[^\s@]+$/.test(e));
  if (bad) throw new ConfigError(name, `is not a comma-separated list of email addresses ("${bad}")`);
  return list;
}

/** Reads `.env` in `cwd` into process.env if there is one (variables already set win): npm start and the CLI alike. */
export function loadDotEnv(cwd = process.cwd()): void {
  const file = resolve(cwd, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

/** The prefix `migrate` should store: the configured one, or null to keep what the database has. */
export function configuredRecordIdPrefix(config: Pick<AppConfig, 'recordIdPrefix' | 'recordIdPrefixConfigured'>): string | null {
  return config.recordIdPrefixConfigured ? config.recordIdPrefix : null;
}

function logFormat(env: Env): 'json' | 'pretty' {
  const value = optional(env, 'LOG_FORMAT');
  if (value === null) return env.NODE_ENV === 'production' ? 'json' : 'pretty';
  if (value !== 'json' && value !== 'pretty') throw new ConfigError('LOG_FORMAT', `must be json or pretty, got "${value}"`);
  return value;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const port = integer(env, 'PORT', 3000, 1, 65535);
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  if (databaseUrl !== null && !new URL(databaseUrl).hostname) throw new ConfigError('DATABASE_URL', 'has no host');
  const recordIdPrefix = (optional(env, 'RECORD_ID_PREFIX') ?? 'CW').toUpperCase();
  if (!/^[A-Z][A-Z0-9]{0,9}$/.test(recordIdPrefix)) {
    throw new ConfigError('RECORD_ID_PREFIX', `must be 1–10 letters or digits starting with a letter, got "${env.RECORD_ID_PREFIX}"`);
  }
  const adminToken = optional(env, 'ADMIN_TOKEN');
  if (adminToken !== null && adminToken.length < 16) throw new ConfigError('ADMIN_TOKEN', 'must be at least 16 characters');
  const emailFrom = optional(env, 'EMAIL_FROM') ?? 'Clausewatch <alerts@clausewatch.local>';
  if (!/<?[^\s@<>]+@[^\s@<>]+>?$/.test(emailFrom)) throw new ConfigError('EMAIL_FROM', `is not an email address: "${emailFrom}"`);
  const host = optional(env, 'HOST') ?? '127.0.0.1';
  return {
    port,
    host,
    databaseUrl,
    dataDir: resolve(cwd, optional(env, 'DATA_DIR') ?? '.data'),
    adminToken,
    resendApiKey: optional(env, 'RESEND_API_KEY'),
    resendBaseUrl: url(env, 'RESEND_BASE_URL', ['http:', 'https:']),
    emailFrom,
    recordIdPrefix,
    recordIdPrefixConfigured: optional(env, 'RECORD_ID_PREFIX') !== null,
    chromiumPath: optional(env, 'CHROMIUM_PATH') ?? '/usr/bin/chromium',
    publicUrl: (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    confirmDelaySeconds: integer(env, 'CONFIRM_DELAY_SECONDS', 300, 0, 86400),
    schedulerTickSeconds: integer(env, 'SCHEDULER_TICK_SECONDS', 60, 1, 86400),
    defaultCheckIntervalMinutes: integer(env, 'CHECK_INTERVAL_MINUTES', 360, 1, 525600),
    politenessDelayMs: integer(env, 'POLITENESS_DELAY_MS', 2000, 0, 600000),
    perHostConcurrency: integer(env, 'PER_HOST_CONCURRENCY', 1, 1, 64),
    fetchTimeoutMs: integer(env, 'FETCH_TIMEOUT_MS', 30000, 100, 600000),
    maxPageBytes: integer(env, 'MAX_PAGE_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    allowPrivateNetworks: boolean(env, 'ALLOW_PRIVATE_NETWORKS', false),
    allowedPrivateHosts: hostList(env, 'ALLOWED_PRIVATE_HOSTS'),
    crawlerEnabled: boolean(env, 'CRAWLER_ENABLED', true),
    seedCatalog: boolean(env, 'SEED_CATALOG', true),
    recordCacheMb: integer(env, 'RECORD_CACHE_MB', 64, 0, 65536),
    resendWebhookSecret: webhookSecret(env, 'RESEND_WEBHOOK_SECRET'),
    workerDeadlineMs: integer(env, 'WORKER_DEADLINE_MS', 20000, 100, 600000),
    workerMemoryMb: integer(env, 'WORKER_MEMORY_MB', 256, 32, 16384),
    workerThreads: integer(env, 'WORKER_THREADS', 2, 1, 64),
    workerSmallMemoryMb: integer(env, 'WORKER_SMALL_MEMORY_MB', 64, 16, 16384),
    workerLargeTaskBytes: integer(env, 'WORKER_LARGE_TASK_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    workerIdleMs: integer(env, 'WORKER_IDLE_MS', 30000, 100, 3_600_000),
    maxTextChars: integer(env, 'MAX_TEXT_CHARS', DEFAULT_MAX_TEXT_CHARS, 1000, 1_000_000_000),
    ledgerSigningKey: pem(env, 'LEDGER_SIGNING_KEY'),
    trustProxy: trustProxy(env, 'TRUST_PROXY'),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    verifyRateLimitPerMinute: integer(env, 'VERIFY_RATE_LIMIT_PER_MINUTE', 10, 1, 1_000_000),
    jsonBodyLimitBytes: integer(env, 'JSON_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 60000, 1000, 3600000),
    logFormat: logFormat(env),
    stripeSecretKey: optional(env, 'STRIPE_SECRET_KEY'),
    stripeWebhookSecret: optional(env, 'STRIPE_WEBHOOK_SECRET'),
    stripeBaseUrl: url(env, 'STRIPE_BASE_URL', ['http:', 'https:']),
    stripePrices: { watcher: optional(env, 'STRIPE_PRICE_WATCHER'), monitor: optional(env, 'STRIPE_PRICE_MONITOR'), professional: optional(env, 'STRIPE_PRICE_PROFESSIONAL') },
    adminEmails: emails(env, 'ADMIN_EMAILS'),
  };
}

/** Every variable, for `.env.example` and the README table (kept in one place). */
export const CONFIG_VARIABLES: Array<{ name: string; default: string; description: string }> = [
  { name: 'PORT', default: '3000', description: 'HTTP port of the API and dashboard' },
  { name: 'HOST', default: '127.0.0.1', description: 'Address the HTTP server binds (0.0.0.0 to serve other machines, e.g. in a container)' },
  { name: 'DATABASE_URL', default: '(unset)', description: 'PostgreSQL URL; unset starts an embedded PostgreSQL under DATA_DIR' },
  { name: 'DATA_DIR', default: '.data', description: 'Embedded database, admin token and local email outbox' },
  { name: 'ADMIN_TOKEN', default: '(generated)', description: 'Bearer token of the admin API; generated and printed at first start when unset' },
  { name: 'RESEND_API_KEY', default: '(unset)', description: 'Send email through Resend; unset writes email to DATA_DIR/outbox' },
  { name: 'RESEND_BASE_URL', default: '(Resend)', description: 'Resend API base URL (tests point it at a local fake)' },
  { name: 'EMAIL_FROM', default: 'Clausewatch <alerts@clausewatch.local>', description: 'Sender of alerts and digests' },
  { name: 'RECORD_ID_PREFIX', default: 'CW', description: 'Prefix of new record IDs (existing IDs never change)' },
  { name: 'CHROMIUM_PATH', default: '/usr/bin/chromium', description: 'Chromium used by the browser fetcher' },
  { name: 'PUBLIC_URL', default: 'http://localhost:PORT', description: 'Base URL in permalinks, citations and emails' },
  { name: 'CONFIRM_DELAY_SECONDS', default: '300', description: 'Delay before a new text is fetched again to confirm it (0: at once)' },
  { name: 'SCHEDULER_TICK_SECONDS', default: '60', description: 'How often the scheduler enqueues due documents' },
  { name: 'CHECK_INTERVAL_MINUTES', default: '360', description: 'Default check interval of a new document' },
  { name: 'POLITENESS_DELAY_MS', default: '2000', description: 'Pause between two requests to the same host' },
  { name: 'PER_HOST_CONCURRENCY', default: '1', description: 'Fetches running at once against one host' },
  { name: 'FETCH_TIMEOUT_MS', default: '30000', description: 'Timeout of one fetch' },
  { name: 'MAX_PAGE_BYTES', default: '10485760', description: 'Largest page body accepted' },
  { name: 'ALLOW_PRIVATE_NETWORKS', default: 'false', description: 'Let the fetchers reach loopback, private and reserved addresses (true only for development and tests)' },
  { name: 'ALLOWED_PRIVATE_HOSTS', default: '(none)', description: 'Comma-separated single intranet hosts (`host` or `host:port`) allowed although private networks are refused' },
  { name: 'CRAWLER_ENABLED', default: 'true', description: 'Run the crawler and scheduler with `npm start`' },
  { name: 'SEED_CATALOG', default: 'true', description: 'Seed the bundled catalog of platforms on first start' },
  { name: 'WORKER_DEADLINE_MS', default: '20000', description: 'Extraction or analysis of one page stops after this and fails as too-complex (never retried)' },
  { name: 'WORKER_MEMORY_MB', default: '256', description: 'Heap of the one worker thread that extracts and analyses large pages (and any page over WORKER_SMALL_MEMORY_MB), one at a time; a page needing more fails as too-large' },
  { name: 'WORKER_THREADS', default: '2', description: 'Extraction/analysis worker threads per process for ordinary pages (the large pages\' thread comes on top)' },
  { name: 'WORKER_SMALL_MEMORY_MB', default: '64', description: 'Heap of each ordinary worker thread; a page over it is done again on the large pages\' thread, within the same deadline' },
  { name: 'WORKER_LARGE_TASK_BYTES', default: '1048576', description: 'A page or text of this many bytes or more goes straight to the large pages\' thread' },
  { name: 'WORKER_IDLE_MS', default: '30000', description: 'An idle worker thread exits after this, returning its memory (a large page\'s thread ends with its task)' },
  { name: 'MAX_TEXT_CHARS', default: String(DEFAULT_MAX_TEXT_CHARS), description: 'Longest extracted text of a document (a combined document\'s pages together), in characters; a longer one fails as too-large (never retried) before it is split or analysed. The largest real policy measured is about 180,000 characters' },
  { name: 'LEDGER_SIGNING_KEY', default: '(key file)', description: 'Ed25519 PKCS#8 PEM that signs ledger tree heads (from a secret store); unset: DATA_DIR/ledger/signing-key.pem, mode 0600, created at first start. Never in the database' },
  { name: 'TRUST_PROXY', default: 'false', description: 'Whose X-Forwarded-For names the client (rate limits, logs): false uses the connection\'s address; behind a proxy, its hop count (1 for one nginx) or its addresses/CIDR ranges (e.g. 10.0.0.0/8); true believes every peer (only when nothing reaches the API but through the proxy)' },
  { name: 'RATE_LIMIT_PER_MINUTE', default: '600', description: 'Requests per minute and client on every route (admin requests with ADMIN_TOKEN exempt)' },
  { name: 'VERIFY_RATE_LIMIT_PER_MINUTE', default: '10', description: 'Requests per minute and client on GET /api/v1/records/:id/verify' },
  { name: 'JSON_BODY_LIMIT_BYTES', default: '1048576', description: 'Largest JSON body (captures have MAX_PAGE_BYTES)' },
  { name: 'REQUEST_TIMEOUT_MS', default: '60000', description: 'A request not received or answered within this gets 503' },
  { name: 'LOG_FORMAT', default: 'pretty (json under NODE_ENV=production)', description: 'Logs as JSON lines (`json`) or readable lines (`pretty`)' },
  { name: 'STRIPE_SECRET_KEY', default: '(unset)', description: 'Stripe secret key; unset: billing is off and an admin sets plans' },
  { name: 'STRIPE_WEBHOOK_SECRET', default: '(unset)', description: 'Signing secret of the Stripe webhook (POST /api/v1/webhooks/stripe)' },
  { name: 'STRIPE_BASE_URL', default: '(Stripe)', description: 'Stripe API base URL (tests point it at a local fake)' },
  { name: 'STRIPE_PRICE_WATCHER', default: '(lookup key)', description: 'Stripe price of the watcher plan; unset: found or created by lookup key' },
  { name: 'STRIPE_PRICE_MONITOR', default: '(lookup key)', description: 'Stripe price of the monitor plan; unset: found or created by lookup key' },
  { name: 'STRIPE_PRICE_PROFESSIONAL', default: '(lookup key)', description: 'Stripe price of the professional plan; unset: found or created by lookup key' },
  { name: 'ADMIN_EMAILS', default: '(none)', description: 'Comma-separated addresses of subscribers who see the admin pages' },
  { name: 'RECORD_CACHE_MB', default: '64', description: 'Memory for serialized records in the API (kept fresh by database notifications; 0: off)' },
  { name: 'RESEND_WEBHOOK_SECRET', default: '(unset)', description: 'Signing secret (whsec_…) of the Resend webhook at /api/v1/webhooks/resend: bounces and complaints stop email to that address' },
];
