import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable, mergeMap } from 'rxjs';
import { RecordChangesListener } from './record-changes.listener';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * After a write through the API, answers only once the record cache has heard of it, so the
 * writer's next read shows its own write (other processes' writes show within milliseconds).
 */
@Injectable()
export class RecordChangesInterceptor implements NestInterceptor {
  constructor(private readonly listener: RecordChangesListener) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method = context.switchToHttp().getRequest<FastifyRequest>().method;
    if (READS.has(method)) return next.handle();
    return next.handle().pipe(
      mergeMap(async (value: unknown) => {
        await this.listener.caughtUp();
        return value;
      }),
    );
  }
}
