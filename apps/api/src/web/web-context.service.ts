import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/csrf-protection';
import { SessionsService, Viewer } from '../accounts/sessions.service';
import { PageChrome } from './view.renderer';

/** The signed-in viewer and the page chrome (navigation, CSRF token) every page needs. */
@Injectable()
export class WebContext {
  constructor(private readonly sessions: SessionsService) {}

  async of(request: FastifyRequest, reply: FastifyReply, title: string, section?: PageChrome['section']): Promise<{ viewer: Viewer | null; chrome: PageChrome }> {
    const viewer = await this.sessions.viewer(request);
    reply.header('content-type', 'text/html; charset=utf-8');
    // Pages show who is signed in: never cache them in a shared cache.
    reply.header('cache-control', 'private, no-store');
    return {
      viewer,
      chrome: {
        title,
        section,
        csrf: reply.generateCsrf(),
        viewer: viewer ? { email: viewer.subscriber.email, plan: viewer.subscriber.plan, isAdmin: viewer.isAdmin } : null,
      },
    };
  }
}
