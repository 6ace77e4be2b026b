import type { IncomingMessage, ServerResponse } from 'node:http';
import { encode } from 'iconv-lite';
import { readCorpusPage } from './corpus.loader';
import {
  CHALLENGE_HEADERS,
  CHALLENGE_PAGE,
  CLIENT_RENDERED_DEFAULT_CONTENT,
  COOKIE_WALL_PAGE,
  DEFAULT_HUGE_BYTES,
  DEFAULT_RENDER_DELAY_MS,
  DEFAULT_SLOW_DELAY_MS,
  FORBIDDEN_PAGE,
  HTML_UTF8,
  HUGE_CHUNK_BYTES,
  LOGIN_WALL_PAGE,
  PLAIN_PAGE,
  SERVER_ERROR_PAGE,
  WRONG_CHARSET_TEXT,
} from './fixture-site.constants';

export type FaultMode =
  | 'slow' // headers delayed by `delayMs`
  | 'slow-body' // headers and half the body at once, the rest after `delayMs`
  | 'server-error' // `status` (default 500)
  | 'reset' // TCP reset before any response
  | 'forbidden' // 403 (or `status`)
  | 'challenge' // Cloudflare "Just a moment..." page, status 200 (or `status`)
  | 'login-wall'
  | 'cookie-wall'
  | 'empty' // 200 with a zero-length body
  | 'truncated' // Content-Length larger than what is sent, then the socket closes
  | 'redirect-loop' // path -> path?loop=1 -> path -> ...
  | 'redirect-chain' // path?hop=N -> path?hop=N+1, never ending
  | 'huge' // `sizeBytes` (default 50 MB) streamed, never held in memory
  | 'wrong-charset' // declared utf-8, bytes windows-1252
  | 'client-rendered'; // empty shell; a script inserts the content after `delayMs`

export interface FaultOptions {
  /** slow, slow-body: how long to stall; client-rendered: delay before the script inserts content. */
  delayMs?: number;
  status?: number;
  /** huge: bytes to stream. */
  sizeBytes?: number;
  /** huge: omit Content-Length so only the streamed size can reveal the problem. */
  chunked?: boolean;
  /** slow, slow-body, truncated, client-rendered: corpus page to use as the content. */
  page?: string;
}

/** Lets the site cancel pending stalls when it stops. */
export type TimerScheduler = (fn: () => void, ms: number) => void;

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { 'content-type': HTML_UTF8, 'content-length': String(bytes.length), ...headers });
  res.end(bytes);
}

function pageOrDefault(page: string | undefined): Buffer {
  return page ? readCorpusPage(page) : Buffer.from(PLAIN_PAGE, 'utf8');
}

function bodyInner(html: string): { title: string; body: string } {
  const title = /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? 'Untitled';
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return { title, body };
}

function clientRenderedShell(options: FaultOptions): string {
  const source = options.page ? bodyInner(readCorpusPage(options.page).toString('utf8')) : { title: 'Terms of Service', body: CLIENT_RENDERED_DEFAULT_CONTENT };
  // `<` escaped so the content cannot close the script element it travels in.
  const payload = JSON.stringify(source.body).replace(/</g, '\\u003c');
  const delay = options.delayMs ?? DEFAULT_RENDER_DELAY_MS;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${source.title}</title>
<script src="/static/app.js" defer></script></head>
<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div>
<script>setTimeout(function () { document.getElementById('root').innerHTML = ${payload}; }, ${delay});</script></body></html>`;
}

function streamHuge(res: ServerResponse, options: FaultOptions): void {
  const total = options.sizeBytes ?? DEFAULT_HUGE_BYTES;
  const chunk = Buffer.alloc(HUGE_CHUNK_BYTES, '<p>filler text of a very large page</p>\n');
  const headers: Record<string, string> = { 'content-type': HTML_UTF8 };
  if (!options.chunked) headers['content-length'] = String(total);
  res.writeHead(200, headers);
  let sent = 0;
  // Respects back-pressure, so a client that stops reading stops the server too.
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      const piece = sent + chunk.length <= total ? chunk : chunk.subarray(0, total - sent);
      sent += piece.length;
      if (!res.write(piece)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

export function respondWithFault(
  req: IncomingMessage,
  res: ServerResponse,
  mode: FaultMode,
  options: FaultOptions,
  schedule: TimerScheduler,
): void {
  const url = new URL(req.url ?? '/', 'http://fixture.invalid');
  switch (mode) {
    case 'slow':
      schedule(() => send(res, 200, pageOrDefault(options.page)), options.delayMs ?? DEFAULT_SLOW_DELAY_MS);
      return;
    case 'slow-body': {
      const bytes = pageOrDefault(options.page);
      const half = Math.floor(bytes.length / 2);
      res.writeHead(200, { 'content-type': HTML_UTF8, 'content-length': String(bytes.length) });
      res.write(bytes.subarray(0, half));
      schedule(() => res.end(bytes.subarray(half)), options.delayMs ?? DEFAULT_SLOW_DELAY_MS);
      return;
    }
    case 'server-error':
      send(res, options.status ?? 500, SERVER_ERROR_PAGE);
      return;
    case 'reset':
      req.socket.resetAndDestroy();
      return;
    case 'forbidden':
      send(res, options.status ?? 403, FORBIDDEN_PAGE);
      return;
    case 'challenge':
      send(res, options.status ?? 200, CHALLENGE_PAGE, CHALLENGE_HEADERS);
      return;
    case 'login-wall':
      send(res, options.status ?? 200, LOGIN_WALL_PAGE);
      return;
    case 'cookie-wall':
      send(res, options.status ?? 200, COOKIE_WALL_PAGE);
      return;
    case 'empty':
      send(res, options.status ?? 200, Buffer.alloc(0));
      return;
    case 'truncated': {
      const bytes = pageOrDefault(options.page);
      res.writeHead(200, { 'content-type': HTML_UTF8, 'content-length': String(bytes.length) });
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
      return;
    }
    case 'redirect-loop': {
      const location = url.searchParams.has('loop') ? url.pathname : `${url.pathname}?loop=1`;
      res.writeHead(302, { location, 'content-length': '0' });
      res.end();
      return;
    }
    case 'redirect-chain': {
      const hop = Number(url.searchParams.get('hop') ?? '0') + 1;
      res.writeHead(302, { location: `${url.pathname}?hop=${hop}`, 'content-length': '0' });
      res.end();
      return;
    }
    case 'huge':
      streamHuge(res, options);
      return;
    case 'wrong-charset':
      send(res, 200, encode(WRONG_CHARSET_TEXT, 'windows-1252'), { 'content-type': 'text/html; charset=utf-8' });
      return;
    case 'client-rendered':
      send(res, 200, clientRenderedShell(options));
      return;
  }
}
