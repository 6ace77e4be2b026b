import { gfm } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';
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

// GFM cells hold one line of inline text. A table with block content (lists, headings, nested
// tables) would be kept as raw HTML by the GFM plugin, class names and all, so that build hashes in
// class attributes would change the text hash: such a table is written out row by row instead.
const BLOCKS_IN_CELLS = 'ul, ol, h1, h2, h3, h4, h5, h6, hr, blockquote, pre, table';
const complexTables = new WeakMap<Node, boolean>();

function inComplexTable(node: Node): boolean {
  let table: Node | null = node;
  while (table && table.nodeName !== 'TABLE') table = table.parentNode;
  if (!table) return false;
  let complex = complexTables.get(table);
  if (complex === undefined) {
    // domino answers undefined, not null, when nothing matches.
    complex = Boolean((table as Element).querySelector(BLOCKS_IN_CELLS));
    complexTables.set(table, complex);
  }
  return complex;
}

turndown.addRule('complexTable', {
  filter: (node) => node.nodeName === 'TABLE' && inComplexTable(node),
  replacement: (content) => `\n\n${content}\n\n`,
});
turndown.addRule('complexTableRow', {
  filter: (node) => node.nodeName === 'TR' && inComplexTable(node),
  replacement: (content) => `\n\n${content}\n\n`,
});
turndown.addRule('complexTableCell', {
  filter: (node) => (node.nodeName === 'TD' || node.nodeName === 'TH') && inComplexTable(node),
  replacement: (content) => `\n\n${content}\n\n`,
});
turndown.addRule('complexTableParts', {
  filter: (node) => ['THEAD', 'TBODY', 'TFOOT', 'CAPTION'].includes(node.nodeName) && inComplexTable(node),
  replacement: (content) => `\n\n${content}\n\n`,
});
turndown.remove(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'canvas']);

function rewriteLinks(root: Element, options: ConvertOptions): void {
  for (const [selector, attribute] of [['a[href]', 'href'], ['img[src]', 'src']] as const) {
    for (const element of Array.from(root.querySelectorAll(selector))) {
      const value = element.getAttribute(attribute) ?? '';
      const normalised = normaliseUrl(value, options.url, options.dropAllParams);
      if (normalised !== value) element.setAttribute(attribute, normalised);
    }
  }
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
