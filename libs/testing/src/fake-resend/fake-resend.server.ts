import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedEmail {
  id: string;
  idempotencyKey: string | null;
  authorization: string | null;
  body: { from: string; to: string[]; subject: string; html?: string; text?: string; headers?: Record<string, string> };
}

/**
 * A local stand-in for the Resend API (`POST /emails`), for the real `resend` SDK pointed at it with
 * RESEND_BASE_URL. It honours Idempotency-Key like Resend (same key → same email, delivered once) and
 * can be switched into an outage.
 */
export class FakeResend {
  readonly delivered: ReceivedEmail[] = [];
  requests = 0;
  private outage: { status: number; message: string } | null = null;
  private readonly byKey = new Map<string, ReceivedEmail>();

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

  /** Every request fails with this status until `recover()`. */
  fail(status = 500, message = 'Internal server error'): void {
    this.outage = { status, message };
  }

  recover(): void {
    this.outage = null;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const reply = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/emails') return reply(404, { name: 'not_found', message: 'Not found', statusCode: 404 });
    if (this.outage) return reply(this.outage.status, { name: 'application_error', message: this.outage.message, statusCode: this.outage.status });
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
    if (idempotencyKey && this.byKey.has(idempotencyKey)) return reply(200, { id: this.byKey.get(idempotencyKey)!.id });
    const email: ReceivedEmail = {
      id: `fake-${this.delivered.length + 1}`,
      idempotencyKey,
      authorization: (req.headers.authorization as string | undefined) ?? null,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
    };
    this.delivered.push(email);
    if (idempotencyKey) this.byKey.set(idempotencyKey, email);
    reply(200, { id: email.id });
  }
}
