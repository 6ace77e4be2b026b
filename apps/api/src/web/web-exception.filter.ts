import { CodedError } from '@clausewatch/errors';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACCOUNTS_ERROR_STATUS, AccountsError, AccountsErrorCode } from '../accounts/accounts.error';
import { problemOf } from '../errors/problem-details.filter';
import { ViewRenderer } from './view.renderer';

const TITLES: Record<number, string> = { 400: 'That address is not quite right', 401: 'Please sign in', 403: 'Not allowed', 404: 'Not found', 409: 'Not possible right now', 429: 'Too many requests', 503: 'Not available' };

/** Errors of the web pages as HTML pages (JSON for a client that asked for JSON), never a stack trace. */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(WebExceptionFilter.name);

  constructor(private readonly views: ViewRenderer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    let status = 500;
    let message = 'Something went wrong on our side. Please try again in a moment.';
    let code: string | undefined;
    if (exception instanceof AccountsError) {
      status = ACCOUNTS_ERROR_STATUS[exception.code];
      message = exception.message;
      code = exception.code;
    } else if (exception instanceof HttpException || exception instanceof CodedError) {
      // The same status and detail the API's problem details give (one mapping of error kinds).
      const problem = problemOf(exception, request.url);
      status = problem.status;
      message = problem.detail;
    } else {
      this.logger.error(exception);
    }
    if (String(request.headers.accept ?? '').includes('application/json')) {
      void reply.status(status).header('content-type', 'application/problem+json').send({ status, title: TITLES[status] ?? 'Error', detail: message });
      return;
    }
    const html = this.views.render(
      'error',
      { title: TITLES[status] ?? 'Error', viewer: null, csrf: '' },
      { status, heading: TITLES[status] ?? 'Error', message, planLimit: code === AccountsErrorCode.PlanLimit, signIn: status === 401 },
    );
    void reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  }
}
