import type Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Colours of the severity badge in email (inline styles); the web stylesheet has the same in classes. */
const SEVERITY_STYLES: Record<string, string> = {
  critical: 'background:#7f1d1d;color:#ffffff',
  high: 'background:#c2410c;color:#ffffff',
  medium: 'background:#fde68a;color:#713f12',
  low: 'background:#e0f2fe;color:#0c4a6e',
  none: 'background:#e5e7eb;color:#374151',
};

/**
 * Registers the partials shared by web pages and email (`redline`, `severity`) and the helpers
 * they need on a Handlebars environment: `{{> redline segments=… inline=true}}`, `{{> severity level=… inline=true}}`.
 */
export function registerSharedPartials(handlebars: typeof Handlebars): void {
  const dir = join(__dirname, 'partials');
  handlebars.registerHelper('redlineIs', (op: string, wanted: string) => op === wanted);
  handlebars.registerHelper('severityStyle', (level: string) => SEVERITY_STYLES[level] ?? SEVERITY_STYLES.none);
  for (const name of ['redline', 'severity']) handlebars.registerPartial(name, readFileSync(join(dir, `${name}.hbs`), 'utf8'));
}
