import type { AppConfig } from '@clausewatch/config';
import { RequestMethod, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiModule, ApiModuleOptions } from './api.module';
import { ProblemDetailsFilter } from './errors/problem-details.filter';

/** Builds the HTTP application (used by main and by the tests). */
export async function createApiApp(options: ApiModuleOptions & { logger?: boolean }): Promise<NestFastifyApplication> {
  const config: AppConfig = options.config;
  const adapter = new FastifyAdapter({ bodyLimit: config.maxPageBytes + 1024, trustProxy: true });
  // Captures arrive as raw bytes of any type (HTML, PDF...): keep them as a Buffer.
  adapter.getInstance().addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: config.maxPageBytes }, (_req, body, done) => done(null, body));
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
