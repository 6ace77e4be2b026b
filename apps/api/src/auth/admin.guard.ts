import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Admin routes need `Authorization: Bearer $ADMIN_TOKEN`. */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
    const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
    const expected = this.config.adminToken;
    if (!match || !expected || !timingSafeEqual(digest(match[1].trim()), digest(expected))) {
      throw new UnauthorizedException('this route needs Authorization: Bearer <ADMIN_TOKEN>');
    }
    return true;
  }
}
