import type { AppConfig } from '@clausewatch/config';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import { ApiModule, ApiModuleOptions } from './api.module';
import { registerHttpLimits } from './http-limits/http-limits';
import { CSP_DIRECTIVES, needsCsrf, rewriteWebUrl, WEB_ROUTES } from './web/web.routes';
import { ProblemDetailsFilter } from './errors/problem-details.filter';

/** Builds the HTTP application (used by main and by the tests). */
export async function createApiApp(options: ApiModuleOptions & { logger?: boolean }): Promise<NestFastifyApplication> {
  const config: AppConfig = options.config;
  const adapter = new FastifyAdapter({
    // JSON and form bodies; captures (any other type, text/plain included) have MAX_PAGE_BYTES below.
    bodyLimit: config.jsonBodyLimitBytes,
    trustProxy: config.trustProxy,
    rewriteUrl: rewriteWebUrl,
    // A slow client cannot hold a connection open: the whole request must arrive within the deadline.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs,
  });
  // Captures arrive as raw bytes of any type (HTML, PDF...): keep them as a Buffer.
  adapter.getInstance().addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: config.maxPageBytes }, (_req, body, done) => done(null, body));
  adapter.getInstance().removeContentTypeParser('text/plain');
  adapter.getInstance().addContentTypeParser('text/plain', { parseAs: 'buffer', bodyLimit: config.maxPageBytes }, (_req, body, done) => done(null, body));
  const logging = options.logger !== false;
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot({ ...options, logging }), adapter, {
    logger: logging ? undefined : false,
    bufferLogs: logging,
    // Throw instead of exiting, so the caller (npm start, a test) reports what went wrong.
    abortOnError: false,
    // Signed webhooks (Stripe, and Resend via Svix) verify the exact bytes received.
    rawBody: true,
  });
  if (logging) app.useLogger(app.get(Logger));
  await registerHttpLimits(app, config);
  // The web app: cookies (sessions, CSRF secret), security headers with a strict CSP on every page,
  // and a CSRF token checked on every state-changing form post. Forms are parsed by Nest's own
  // urlencoded parser (registering @fastify/formbody as well would clash with it).
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, { global: false, contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/cookie', cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', signed: false } });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    // Swagger UI (/api/docs) ships its own inline bootstrap; every other response gets the headers.
    if (!request.url.startsWith('/api/docs')) await reply.helmet();
  });
  fastify.addHook('preHandler', (request, reply, done) => {
    if (needsCsrf(request.method, request.url)) fastify.csrfProtection(request, reply, done);
    else done();
  });
  app.setGlobalPrefix('api/v1', { exclude: WEB_ROUTES });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Clausewatch API')
      .setDescription('Policy-change records with permanent IDs, verifiable snapshots and clause-level analysis')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  return app;
}
