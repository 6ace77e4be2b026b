import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedEmail {
  id: string;
  /** The request's Idempotency-Key (a batch's key for emails sent in a batch). */
  idempotencyKey: string | null;
  /** The email's own key (`X-Entity-Ref-ID` header), or the request key for a single send. */
  emailKey: string | null;
  authorization: string | null;
  body: { from: string; to: string[]; subject: string; html?: string; text?: string; headers?: Record<string, string> };
}

interface Outage {
  status: number;
  message: string;
  retryAfterSeconds: number | null;
  until: number;
}

/**
 * A local stand-in for the Resend API (`POST /emails`, `POST /emails/batch` up to 100), for the real
 * `resend` SDK pointed at it with RESEND_BASE_URL. Like Resend, it honours Idempotency-Key (same key
 * and payload → the same answer, delivered once; same key, other payload → 409), and it can be put
 * into an outage or a storm of 429/5xx answers, or made slow (to test timeouts).
 */
export class FakeResend {
  readonly delivered: ReceivedEmail[] = [];
  requests = 0;
  /** Request body bytes received (the benchmark reports the mean email size). */
  bytes = 0;
  /** Answers with an error status, by status. */
  readonly refused = new Map<number, number>();
  /** Recipients refused with a 422 (a strict batch holding one is refused whole, like Resend's). */
  readonly rejectedRecipients = new Set<string>();
  /** Milliseconds to wait before answering. */
  delayMs = 0;
  /** Keep each delivered email's body (off in benchmarks: only the count and keys are kept). */
  retainBodies = true;
  private outage: Outage | null = null;
  private storm: { statuses: number[]; until: number; retryAfterSeconds: number | null; turn: number } | null = null;
  private readonly byKey = new Map<string, { hash: string; status: number; answer: object | null }>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeResend> {
    let fake: FakeResend | null = null;
    const server = createServer((req, res) => void fake!.handle(req, res));
    fake = new FakeResend(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Every request fails with this status until `recover()` (or for `forMs`). */
  fail(status = 500, message = 'Internal server error', options: { retryAfterSeconds?: number; forMs?: number } = {}): void {
    this.outage = { status, message, retryAfterSeconds: options.retryAfterSeconds ?? null, until: options.forMs ? Date.now() + options.forMs : Infinity };
  }

  /** For `forMs`, requests are answered in turn with these statuses (429 carries Retry-After). */
  startStorm(statuses: number[], forMs: number, retryAfterSeconds: number | null = 1): void {
    this.storm = { statuses, until: Date.now() + forMs, retryAfterSeconds, turn: 0 };
  }

  recover(): void {
    this.outage = null;
    this.storm = null;
  }

  /** How many emails were delivered under each email key (exactly-once checks). */
  deliveriesByEmailKey(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const email of this.delivered) counts.set(email.emailKey ?? '', (counts.get(email.emailKey ?? '') ?? 0) + 1);
    return counts;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    for (const chunk of chunks) this.bytes += chunk.length;
    const reply = (status: number, body: object, headers: Record<string, string> = {}) => {
      if (status >= 400) this.refused.set(status, (this.refused.get(status) ?? 0) + 1);
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && req.url === '/_stats') {
      // For a fake running in another process (the digest benchmark).
      return reply(200, { requests: this.requests, bytes: this.bytes, delivered: this.delivered.length, distinctEmails: this.deliveriesByEmailKey().size });
    }
    const batch = req.url === '/emails/batch';
    if (req.method !== 'POST' || (req.url !== '/emails' && !batch)) return reply(404, { name: 'not_found', message: 'Not found', statusCode: 404 });
    const failure = this.currentFailure();
    if (failure) {
      const headers: Record<string, string> = failure.retryAfterSeconds !== null && failure.status === 429 ? { 'retry-after': String(failure.retryAfterSeconds) } : {};
      const name = failure.status === 429 ? 'rate_limit_exceeded' : 'application_error';
      return reply(failure.status, { name, message: failure.message, statusCode: failure.status }, headers);
    }
    const body = Buffer.concat(chunks);
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
    // The payload's bytes as received (not a decoded and re-encoded copy): 1 MB and more per batch.
    const hash = createHash('sha256').update(`${req.url}\n`).update(body).digest('hex');
    if (idempotencyKey) {
      const seen = this.byKey.get(idempotencyKey);
      if (seen && seen.hash !== hash) {
        return reply(409, { name: 'invalid_idempotent_request', message: 'Same idempotency key used with a different request payload', statusCode: 409 });
      }
      if (seen && !seen.answer) {
        return reply(409, { name: 'concurrent_idempotent_requests', message: 'Same idempotency key used while original request is still in progress', statusCode: 409 });
      }
      if (seen) return reply(seen.status, seen.answer!);
      // Taken from here on, even if the caller gives up waiting (a timeout): a retry gets this answer.
      this.byKey.set(idempotencyKey, { hash, status: 200, answer: null });
    }
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      if (idempotencyKey) this.byKey.delete(idempotencyKey);
      return reply(400, { name: 'validation_error', message: 'Invalid JSON', statusCode: 400 });
    }
    const bodies = (batch ? payload : [payload]) as ReceivedEmail['body'][];
    const refuse = (status: number, body: object) => {
      if (idempotencyKey) this.byKey.delete(idempotencyKey);
      return reply(status, body);
    };
    if (!Array.isArray(bodies) || bodies.length === 0 || bodies.length > 100) {
      return refuse(422, { name: 'validation_error', message: 'A batch holds 1 to 100 emails', statusCode: 422 });
    }
    const invalid = bodies.find((b) => !b.from || !b.to?.length || !b.subject);
    if (invalid) return refuse(422, { name: 'validation_error', message: 'Missing `to`, `from` or `subject`', statusCode: 422 });
    const rejected = bodies.find((b) => this.rejectedRecipients.has(b.to[0]));
    if (rejected) return refuse(422, { name: 'validation_error', message: `Invalid \`to\` field: ${rejected.to[0]}`, statusCode: 422 });
    const ids = bodies.map((body) => {
      const email: ReceivedEmail = {
        id: `fake-${this.delivered.length + 1}`,
        idempotencyKey,
        emailKey: body.headers?.['X-Entity-Ref-ID'] ?? (batch ? null : idempotencyKey),
        authorization: (req.headers.authorization as string | undefined) ?? null,
        body: this.retainBodies ? body : { from: body.from, to: body.to, subject: '' },
      };
      this.delivered.push(email);
      return { id: email.id };
    });
    const answer = batch ? { data: ids } : ids[0];
    if (idempotencyKey) this.byKey.set(idempotencyKey, { hash, status: 200, answer });
    reply(200, answer);
  }

  private currentFailure(): { status: number; message: string; retryAfterSeconds: number | null } | null {
    const now = Date.now();
    if (this.outage && now < this.outage.until) return this.outage;
    if (this.storm && now < this.storm.until) {
      const status = this.storm.statuses[this.storm.turn++ % this.storm.statuses.length];
      return { status, message: status === 429 ? 'Too many requests' : 'Internal server error', retryAfterSeconds: this.storm.retryAfterSeconds };
    }
    return null;
  }
}
