import { gfm } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';
import { walkElements } from './dom.walker';
import { registerTableRules } from './table.rules';
import { normaliseUrl } from './text.normalizer';

export interface ConvertOptions {
  /** The page URL: links and images become absolute. */
  url?: string;
  /** The `removeQueryParams` filter: links and images lose their whole query string. */
  dropAllParams?: boolean;
}

// ATX headings and "-" bullets: the analyzer splits provisions on these, and they are the forms
// least likely to be confused with text ("====" underlines, "*" emphasis).
const turndown = new TurndownService({
  headingStyle: 'atx',
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  emDelimiter: '_',
  strongDelimiter: '**',
  hr: '---',
});
turndown.use(gfm);
registerTableRules(turndown);
turndown.remove(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'canvas']);

function rewriteLinks(root: Element, options: ConvertOptions): void {
  walkElements(root, (element) => {
    const attribute = element.tagName === 'A' ? 'href' : element.tagName === 'IMG' ? 'src' : null;
    const value = attribute ? element.getAttribute(attribute) : null;
    if (attribute && value !== null) {
      const normalised = normaliseUrl(value, options.url, options.dropAllParams);
      if (normalised !== value) element.setAttribute(attribute, normalised);
    }
  });
}

/** Converts a DOM subtree (already parsed: turndown does not re-parse it) to raw Markdown. */
export function toMarkdown(root: Element, options: ConvertOptions = {}): string {
  rewriteLinks(root, options);
  return turndown.turndown(root as HTMLElement);
}

/** Plain text (PDF pages, text/plain) as Markdown: characters Markdown would read as syntax are escaped. */
export function plainTextToMarkdown(text: string): string {
  return text
    .split(/\n/)
    .map((line) => turndown.escape(line.trim()))
    .join('\n');
}
