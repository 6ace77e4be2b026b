import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ACCOUNTS_ERROR_STATUS, AccountsError } from './accounts.error';

/** Accounts errors on the JSON API as RFC 9457 problem details. */
@Catch(AccountsError)
export class AccountsApiFilter implements ExceptionFilter {
  catch(exception: AccountsError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const status = ACCOUNTS_ERROR_STATUS[exception.code];
    void reply.status(status).header('content-type', 'application/problem+json').send({ type: `about:blank#${exception.code}`, title: exception.code, status, detail: exception.message });
  }
}
