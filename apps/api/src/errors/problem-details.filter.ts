import { CodedError, ErrorKind } from '@clausewatch/errors';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';

/** The HTTP status of each kind of error (see CodedError). */
const STATUS: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  'too-large': HttpStatus.PAYLOAD_TOO_LARGE,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  internal: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** An RFC 9457 problem details body; `code` and `message` are extension members. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  /** The module's error code, for a client to branch on (`NOT_YET_SIGNED`). */
  code?: string;
  /** The message as before problem details (a list for validation errors): kept for existing clients. */
  message: string | string[];
  [extension: string]: unknown;
}

function httpExceptionMessage(exception: HttpException): string | string[] {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return typeof message === 'string' || Array.isArray(message) ? (message as string | string[]) : exception.message;
}

/** What any thrown value answers over HTTP. */
export function problemOf(exception: unknown, instance: string): ProblemDetails {
  if (exception instanceof CodedError) {
    const status = STATUS[exception.kind];
    return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail: exception.message, instance, code: exception.code, message: exception.message, ...exception.details };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const message = httpExceptionMessage(exception);
    return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail: Array.isArray(message) ? message.join('; ') : message, instance, message };
  }
  // Never leak internals: the log has the stack.
  const status = HttpStatus.INTERNAL_SERVER_ERROR;
  const detail = 'an unexpected error occurred; it has been logged';
  return { type: 'about:blank', title: STATUS_CODES[status]!, status, detail, instance, message: detail };
}

/**
 * The one exception filter of the API: coded errors map to HTTP statuses by their kind, Nest's HTTP
 * exceptions (validation, guards, unknown routes) keep theirs, and anything else is a logged 500.
 * Every error answers `application/problem+json` (RFC 9457).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = problemOf(exception, request.url);
    if (problem.status >= 500) {
      const error = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error({ err: error, code: problem.code, method: request.method, url: request.url }, 'request failed');
    }
    void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
  }
}
