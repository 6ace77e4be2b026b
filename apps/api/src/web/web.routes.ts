import { RequestMethod } from '@nestjs/common';
import type { RouteInfo } from '@nestjs/common/interfaces';
import type { IncomingMessage } from 'node:http';

/** Page routes served at the site root, outside the `/api/v1` prefix. */
export const WEB_ROUTES: RouteInfo[] = [
  '/',
  'login',
  'login/verify',
  'logout',
  'account',
  'account/settings',
  'account/api-token',
  'account/delete',
  'account/upgrade',
  'account/plan',
  'follow',
  'unfollow',
  'catalog',
  'catalog/:slug',
  'changes',
  'clause-types/:id',
  'regulations/:id',
  'r/:id',
  'assets/:file',
  'admin/documents',
  'admin/documents/new',
  'admin/documents/preview',
  'admin/documents/:id',
].map((path) => ({ path, method: RequestMethod.ALL }));

/**
 * `/platforms` and `/platforms/:slug` are pages, but `platforms` is also an API controller under
 * `/api/v1`, and Nest's prefix exclusion matches by route path: the pages are routed as `/catalog`
 * and the public URL rewritten to it before routing.
 */
export function rewriteWebUrl(request: IncomingMessage): string {
  const url = request.url ?? '/';
  return /^\/platforms(?=[/?]|$)/.test(url) ? `/catalog${url.slice('/platforms'.length)}` : url;
}

/** Form posts of the pages that change state carry a CSRF token (POST /login only emails a link). */
export function needsCsrf(method: string, url: string): boolean {
  if (method !== 'POST') return false;
  const path = url.split('?')[0];
  return !path.startsWith('/api/') && path !== '/login';
}

/** The Content-Security-Policy of every page: this origin only, no inline script. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
  // No form-action: the upgrade form's answer redirects to the payment provider's Checkout page,
  // and browsers apply form-action to that redirect. Forms on these pages only post to this origin.
  formAction: null,
  upgradeInsecureRequests: null,
};
