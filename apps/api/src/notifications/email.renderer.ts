import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerSharedPartials } from '../views/view-partials';

import type { DigestView } from './email-content';
import { renderDigest } from './digest.layout';

export type EmailTemplate = 'alert' | 'monitoring' | 'digest-entry' | 'digest-document';

/**
 * Renders an email view model into its HTML and text parts (handlebars; crawled text is escaped in HTML).
 * The weekly digest's outer layout is joined from its rendered fragments without a template (`digest.layout`).
 */
export class EmailRenderer {
  private readonly html = new Map<EmailTemplate, HandlebarsTemplateDelegate>();
  private readonly text = new Map<EmailTemplate, HandlebarsTemplateDelegate>();

  constructor() {
    const html = Handlebars.create();
    const text = Handlebars.create();
    for (const hb of [html, text]) {
      hb.registerHelper('join', (items: string[], separator: unknown) => (items ?? []).join(typeof separator === 'string' ? separator : ', '));
      hb.registerHelper('isOne', (n: number) => n === 1);
      hb.registerHelper('capitalize', (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : ''));
    }
    registerSharedPartials(html);
    const dir = join(__dirname, 'templates');
    for (const name of ['alert', 'monitoring', 'digest-entry', 'digest-document'] as const) {
      this.html.set(name, html.compile(readFileSync(join(dir, `${name}.hbs`), 'utf8'), { strict: false }));
      this.text.set(name, text.compile(readFileSync(join(dir, `${name}.text.hbs`), 'utf8'), { noEscape: true }));
    }
  }

  /** A fragment (a digest entry or document line), rendered once and placed into many emails. */
  renderFragment(template: EmailTemplate, view: object): { html: string; text: string } {
    return { html: this.html.get(template)!(view), text: this.text.get(template)!(view) };
  }

  /** The weekly digest, from its view (entries and document lines already rendered as fragments). */
  renderDigest(view: DigestView): { html: string; text: string } {
    return renderDigest(view);
  }

  render(template: EmailTemplate, view: object): { html: string; text: string } {
    return { html: this.html.get(template)!(view), text: this.text.get(template)!(view).replace(/\n{3,}/g, '\n\n').trim() + '\n' };
  }
}
