import type { AppConfig } from '@clausewatch/config';
import rateLimit from '@fastify/rate-limit';
import { HttpException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { MAX_JSON_DEPTH } from './http-limits.constants';

/** Per-route limits read when a request arrives (route decorators are static; the values come from config). */
export const routeLimits = { verifyPerMinute: 10 };

/** `@RouteConfig(VERIFY_ROUTE_LIMIT)`: the costly verification routes. */
export const VERIFY_ROUTE_LIMIT = { rateLimit: { max: () => routeLimits.verifyPerMinute, timeWindow: 60_000 } };

const digest = (value: string) => createHash('sha256').update(value).digest();

function isAdmin(authorization: string | undefined, token: string | null): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  return !!match && !!token && timingSafeEqual(digest(match[1].trim()), digest(token));
}

/** Nesting depth of a parsed JSON value, without recursion; stops counting past `limit`. */
export function valueDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    max = Math.max(max, depth);
    if (max > limit) return max;
    for (const child of Object.values(node as object)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return max;
}

function problem(status: number, title: string, detail: string) {
  return { type: 'about:blank', title, status, detail };
}

/**
 * Limits every route shares: a rate limit per client (admin requests with the right token are exempt;
 * costly routes set a lower one with `@RouteConfig({ rateLimit })`), JSON bodies small and shallow, and
 * a deadline on every request's answer.
 */
export async function registerHttpLimits(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  routeLimits.verifyPerMinute = config.verifyRateLimitPerMinute;
  await app.register(rateLimit as never, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (request: { headers: Record<string, string | string[] | undefined> }) => isAdmin(request.headers.authorization as string | undefined, config.adminToken),
    // Thrown by the plugin; an HttpException is what Nest's error handling turns into this status and body.
    errorResponseBuilder: (_request: unknown, context: { after: string; max: number }) =>
      new HttpException(problem(429, 'Too Many Requests', `more than ${context.max} requests per minute from this client; retry in ${context.after}`), 429),
  });

  // Parsing deep JSON is fine, but validation and transformation recurse on it: 400 before they run.
  fastify.addHook('preValidation', (request, reply, done) => {
    if (request.body !== null && typeof request.body === 'object' && !Buffer.isBuffer(request.body) && valueDepth(request.body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      void reply
        .code(400)
        .header('content-type', 'application/problem+json')
        .send(problem(400, 'Bad Request', `JSON body nested deeper than ${MAX_JSON_DEPTH} levels`));
      return;
    }
    done();
  });

  fastify.addHook('onRequest', (request, reply, done) => {
    const timer = setTimeout(() => {
      if (!reply.sent) {
        void reply
          .code(503)
          .header('content-type', 'application/problem+json')
          .send(problem(503, 'Service Unavailable', `no answer within ${config.requestTimeoutMs} ms; retry later`));
      }
    }, config.requestTimeoutMs);
    timer.unref();
    reply.raw.once('close', () => clearTimeout(timer));
    done();
  });
}
