import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readCorpusPage } from './corpus.loader';
import { respondWithFault, type FaultMode, type FaultOptions } from './fault.responder';
import { HTML_UTF8 } from './fixture-site.constants';

export interface FixtureResponse {
  body: string | Buffer;
  status?: number;
  contentType?: string;
  headers?: Record<string, string>;
}

type Route = { kind: 'response'; response: FixtureResponse; servedSince: Date } | { kind: 'fault'; mode: FaultMode; options: FaultOptions };

export interface FixtureSiteOptions {
  /**
   * Behave like nginx, Apache or a CDN: every page is sent with an `ETag` (from its bytes) and a
   * `Last-Modified` (when the route got its content), and conditional requests are answered 304.
   * Without it, validators are sent only when a test gives a response its own headers.
   */
  validators?: boolean;
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/**
 * A local site for tests: corpus pages and fault modes served on 127.0.0.1 at a random port. Routes
 * match on the URL path (the query string is ignored) and can be swapped between requests, which is
 * how a test makes a "site" publish a new version.
 */
export class FixtureSite {
  private readonly routes = new Map<string, Route>();
  private readonly hitCounts = new Map<string, number>();
  private readonly lastHeaders = new Map<string, IncomingHttpHeaders>();
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    readonly origin: string,
    private readonly options: FixtureSiteOptions,
  ) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.handle(req, res));
  }

  static async start(options: FixtureSiteOptions = {}): Promise<FixtureSite> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return new FixtureSite(server, `http://127.0.0.1:${port}`, options);
  }

  url(path: string): string {
    return this.origin + path;
  }

  /** Serves a corpus page (relative to `corpusDir`) as utf-8 HTML. */
  servePage(path: string, page: string): void {
    this.serve(path, { body: readCorpusPage(page), contentType: HTML_UTF8 });
  }

  serve(path: string, response: FixtureResponse): void {
    this.routes.set(path, { kind: 'response', response, servedSince: new Date() });
  }

  fault(path: string, mode: FaultMode, options: FaultOptions = {}): void {
    this.routes.set(path, { kind: 'fault', mode, options });
  }

  /** Requests received for `path`, whatever was answered. */
  hits(path: string): number {
    return this.hitCounts.get(path) ?? 0;
  }

  /** Headers of the latest request for `path`, to check what a client sent. */
  lastRequestHeaders(path: string): IncomingHttpHeaders | undefined {
    return this.lastHeaders.get(path);
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private schedule = (fn: () => void, ms: number): void => {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  };

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', this.origin).pathname;
    this.hitCounts.set(path, this.hits(path) + 1);
    this.lastHeaders.set(path, req.headers);
    const route = this.routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not Found');
      return;
    }
    if (route.kind === 'fault') {
      respondWithFault(req, res, route.mode, route.options, this.schedule);
      return;
    }
    const body = typeof route.response.body === 'string' ? Buffer.from(route.response.body, 'utf8') : route.response.body;
    const response = this.options.validators ? withValidators(route.response, body, route.servedSince) : route.response;
    const headers: Record<string, string> = { ...response.headers };
    if (response.contentType) headers['content-type'] = response.contentType;
    if (this.isNotModified(req, response)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    headers['content-length'] = String(body.length);
    res.writeHead(response.status ?? 200, headers);
    res.end(body);
  }

  /** Honours conditional requests when the test gave the response an ETag or Last-Modified. */
  private isNotModified(req: IncomingMessage, response: FixtureResponse): boolean {
    const etag = headerValue(response.headers, 'etag');
    const ifNoneMatch = req.headers['if-none-match'];
    if (etag && ifNoneMatch) return ifNoneMatch.split(',').some((tag) => tag.trim() === etag);
    const lastModified = headerValue(response.headers, 'last-modified');
    const ifModifiedSince = req.headers['if-modified-since'];
    if (lastModified && ifModifiedSince) return Date.parse(ifModifiedSince) >= Date.parse(lastModified);
    return false;
  }
}

/** The validators a static file server sends, unless the test gave its own. */
function withValidators(response: FixtureResponse, body: Buffer, servedSince: Date): FixtureResponse {
  const headers = { ...response.headers };
  if (headerValue(headers, 'etag') === undefined) headers.etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
  if (headerValue(headers, 'last-modified') === undefined) headers['last-modified'] = servedSince.toUTCString();
  return { ...response, headers };
}
