import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface WebResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** A cookie-keeping client over `app.inject`, for page and form tests. */
export class WebClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly ip = '127.0.0.1',
  ) {}

  async get(url: string, headers: Record<string, string> = {}): Promise<WebResponse> {
    return this.request('GET', url, undefined, headers);
  }

  async post(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<WebResponse> {
    return this.request('POST', url, new URLSearchParams(form).toString(), { 'content-type': 'application/x-www-form-urlencoded', ...headers });
  }

  /** The CSRF token of a page's forms. */
  static csrfOf(html: string): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!match) throw new Error('no CSRF token on the page');
    return match[1];
  }

  /** GETs a page and posts one of its forms with the page's CSRF token. */
  async submit(pageUrl: string, action: string, form: Record<string, string>): Promise<WebResponse> {
    const page = await this.get(pageUrl);
    return this.post(action, { _csrf: WebClient.csrfOf(page.body), ...form });
  }

  private async request(method: 'GET' | 'POST', url: string, payload: string | undefined, headers: Record<string, string>): Promise<WebResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.inject({ method, url, payload, remoteAddress: this.ip, headers: { ...(cookie ? { cookie } : {}), ...headers } });
    const setCookie = response.headers['set-cookie'];
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (value === '' || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: response.statusCode, headers: response.headers, body: response.body };
  }
}

/** The sign-in link of the newest sign-in email to `to` in the outbox. */
export function signInLink(emails: Array<{ to: string; subject: string; text: string }>, to: string): string {
  const email = emails.filter((e) => e.to === to.toLowerCase() && /sign-in link/.test(e.subject)).pop();
  const match = email && /(https?:\/\/\S+\/login\/verify\?token=[A-Za-z0-9_-]+)/.exec(email.text);
  if (!match) throw new Error(`no sign-in link for ${to}`);
  return match[1];
}

/** Signs `email` in through the emailed link; returns the client holding the session. */
export async function signIn(client: WebClient, email: string, outbox: () => Array<{ to: string; subject: string; text: string }>): Promise<void> {
  const sent = await client.post('/login', { email });
  if (sent.status !== 200) throw new Error(`POST /login answered ${sent.status}`);
  const link = new URL(signInLink(outbox(), email));
  const confirm = await client.get(`${link.pathname}${link.search}`);
  const token = link.searchParams.get('token')!;
  const done = await client.post('/login/verify', { _csrf: WebClient.csrfOf(confirm.body), token });
  if (done.status !== 303) throw new Error(`POST /login/verify answered ${done.status}: ${done.body.slice(0, 200)}`);
}
