import type { AppConfig } from '@clausewatch/config';
import { RequestMethod, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiModule, ApiModuleOptions } from './api.module';
import { registerHttpLimits } from './http-limits/http-limits';
import { ProblemDetailsFilter } from './errors/problem-details.filter';

/** Builds the HTTP application (used by main and by the tests). */
export async function createApiApp(options: ApiModuleOptions & { logger?: boolean }): Promise<NestFastifyApplication> {
  const config: AppConfig = options.config;
  const adapter = new FastifyAdapter({
    // JSON and form bodies; captures (any other type, text/plain included) have MAX_PAGE_BYTES below.
    bodyLimit: config.jsonBodyLimitBytes,
    trustProxy: true,
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
    // Signed webhooks (Resend via Svix) verify the exact bytes received.
    rawBody: true,
  });
  if (logging) app.useLogger(app.get(Logger));
  await registerHttpLimits(app, config);
  app.setGlobalPrefix('api/v1', { exclude: [{ path: 'r/:id', method: RequestMethod.GET }] });
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
