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

// Cloudflare's "email protection" XORs each address with a key drawn per response: left alone,
// every fetch would read as a new text. Decoded, the address is stable (and readable).
function decodeCloudflareEmail(hex: string): string | null {
  if (!/^([0-9a-f]{2}){2,}$/i.test(hex)) return null;
  const bytes = hex.match(/../g)?.map((pair) => parseInt(pair, 16)) ?? [];
  const decoded = String.fromCharCode(...bytes.slice(1).map((byte) => byte ^ bytes[0]));
  return /^[^\s@]+@[^\s@]+$/.test(decoded) ? decoded : null;
}

function rewriteLinks(root: Element, options: ConvertOptions): void {
  walkElements(root, (element) => {
    const protectedEmail = element.getAttribute('data-cfemail');
    if (protectedEmail !== null) {
      const email = decodeCloudflareEmail(protectedEmail);
      if (email) element.textContent = email;
    }
    if (element.tagName === 'A') {
      const match = /\/cdn-cgi\/l\/email-protection#([0-9a-f]+)/i.exec(element.getAttribute('href') ?? '');
      const email = match ? decodeCloudflareEmail(match[1]) : null;
      if (email) element.setAttribute('href', `mailto:${email}`);
    }
    const attribute = element.tagName === 'A' ? 'href' : element.tagName === 'IMG' ? 'src' : null;
    const value = attribute ? element.getAttribute(attribute) : null;
    if (attribute && value !== null) {
      const normalised = normaliseUrl(value, options.url, options.dropAllParams);
      if (normalised !== value) element.setAttribute(attribute, normalised);
    }
  });
}

/**
 * Converts a DOM subtree (already parsed: turndown does not re-parse it) to raw Markdown. The subtree
 * is consumed: turndown works on a deep clone of its input (collapsing whitespace in it), which for a
 * 5 MB page was a second DOM of some 100 MB held beside the first; here it works on the subtree itself,
 * which nothing reads afterwards.
 */
export function toMarkdown(root: Element, options: ConvertOptions = {}): string {
  rewriteLinks(root, options);
  // domino's cloneNode is read-only on the prototype: shadowed on this one node for the call.
  Object.defineProperty(root, 'cloneNode', { value: () => root, configurable: true, writable: true });
  try {
    return turndown.turndown(root as HTMLElement);
  } finally {
    delete (root as Partial<Element>).cloneNode;
  }
}

/** Plain text (PDF pages, text/plain) as Markdown: characters Markdown would read as syntax are escaped. */
export function plainTextToMarkdown(text: string): string {
  return text
    .split(/\n/)
    .map((line) => turndown.escape(line.trim()))
    .join('\n');
}
