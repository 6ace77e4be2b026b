import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ASSET_VERSIONS } from './assets.constants';
import { registerSharedPartials } from '../views/view-partials';

const VIEWS = join(__dirname, '../views');

export interface PageChrome {
  title: string;
  viewer: { email: string; plan: string; isAdmin: boolean } | null;
  /** CSRF token for the forms of the page (every page has the sign-out form when signed in). */
  csrf: string;
  /** Which top-level section to mark as current in the navigation. */
  section?: 'home' | 'platforms' | 'changes' | 'account' | 'admin' | 'login';
  description?: string;
}

const RECORD_ID = /^[A-Z][A-Z0-9]{0,9}-[EDVPC]-\d+$/;

/** Handlebars layouts, partials and pages under `views/`, compiled once; pages do no formatting beyond these helpers. */
@Injectable()
export class ViewRenderer {
  private readonly hbs = Handlebars.create();
  private readonly layout: Handlebars.TemplateDelegate;
  private readonly pages = new Map<string, Handlebars.TemplateDelegate>();

  constructor() {
    const h = this.hbs;
    h.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    h.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
    h.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
    h.registerHelper('not', (a: unknown) => !a);
    h.registerHelper('gt', (a: number, b: number) => a > b);
    h.registerHelper('date', (value: unknown) => formatDate(value, false));
    h.registerHelper('datetime', (value: unknown) => formatDate(value, true));
    h.registerHelper('iso', (value: unknown) => (value ? new Date(value as string).toISOString() : ''));
    h.registerHelper('plural', (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`);
    h.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : ''));
    h.registerHelper('asset', (name: string) => new h.SafeString(`/assets/${encodeURIComponent(name)}?v=${ASSET_VERSIONS[name] ?? '0'}`));
    h.registerHelper('short', (hash: unknown) => (typeof hash === 'string' ? hash.slice(0, 12) : ''));
    // A record ID is always a link to its page (escaped: the ID comes from the database, not from a user).
    h.registerHelper('rid', (id: unknown) => {
      if (typeof id !== 'string' || !RECORD_ID.test(id)) return id ?? '';
      return new h.SafeString(`<a class="rid" href="/r/${id}">${id}</a>`);
    });
    for (const file of readdirSync(join(VIEWS, 'partials'))) {
      if (file.endsWith('.hbs')) h.registerPartial(basename(file, '.hbs'), readFileSync(join(VIEWS, 'partials', file), 'utf8'));
    }
    // The redline and the severity badge are the same partials in email (with their helpers).
    registerSharedPartials(h);
    for (const file of readdirSync(join(VIEWS, 'pages'))) {
      if (file.endsWith('.hbs')) this.pages.set(basename(file, '.hbs'), h.compile(readFileSync(join(VIEWS, 'pages', file), 'utf8'), { strict: false }));
    }
    this.layout = h.compile(readFileSync(join(VIEWS, 'layouts/main.hbs'), 'utf8'));
  }

  render(page: string, chrome: PageChrome, model: object = {}): string {
    const template = this.pages.get(page);
    if (!template) throw new Error(`no page template "${page}"`);
    const context = { ...model, page: chrome };
    return this.layout({ page: chrome, body: new this.hbs.SafeString(template(context)) });
  }
}

function formatDate(value: unknown, withTime: boolean): string {
  if (!value) return '';
  const date = new Date(value as string);
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso.slice(0, 10);
}
