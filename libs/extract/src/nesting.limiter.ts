import { MAX_NESTING_DEPTH } from './extract.constants';

// The HTML parser checks its stack of open elements for most start tags, so parse time grows with the
// square of the nesting depth, and the DOM walks of Markdown conversion recurse once per level. A page
// nested deeper than any real document is flattened before parsing: one linear scan of the tags drops
// the start and end tags beyond `maxDepth`, keeping all the text.

/** Never hold content and never close: they do not nest. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Closed implicitly by their next sibling or their parent, so an unclosed run of them does not nest either. */
const OPTIONAL_END = new Set(['html', 'head', 'body', 'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'caption', 'rb', 'rt', 'rp', 'rtc']);
/** Their content is text up to their own end tag, whatever it looks like. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Index just past the `>` closing the tag that starts at `from`, quotes in attribute values respected. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      // A quote only opens a value right after "=" (possibly with spaces); elsewhere it is a stray character.
      let j = i - 1;
      while (j > from && (html.charCodeAt(j) === 32 || html.charCodeAt(j) === 9 || html.charCodeAt(j) === 10)) j--;
      if (html.charCodeAt(j) === 61) quote = c;
    } else if (c === 62) return i + 1;
  }
  return html.length;
}

function tagName(html: string, from: number): { name: string; end: number } {
  let end = from;
  while (end < html.length) {
    const c = html.charCodeAt(end);
    if (c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 12 || c === 13) break;
    end++;
  }
  return { name: html.slice(from, end).toLowerCase(), end };
}

/**
 * Returns `html` unchanged when no element nests deeper than `maxDepth`; otherwise a copy without the
 * tags beyond that depth (each replaced by a space so that words do not run together). Linear time.
 */
export function flattenDeepNesting(html: string, maxDepth = MAX_NESTING_DEPTH): string {
  const out: string[] = [];
  let copiedTo = 0;
  let depth = 0;
  let changed = false;
  const dropped = new Map<string, number>();
  let i = html.indexOf('<');
  while (i !== -1 && i < html.length - 1) {
    const next = html.charCodeAt(i + 1);
    if (next === 33 || next === 63) {
      // Comment, doctype, CDATA or processing instruction.
      const close = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 2);
      i = close === -1 ? -1 : html.indexOf('<', close + 1);
      continue;
    }
    const isEnd = next === 47;
    if (!isLetter(isEnd ? html.charCodeAt(i + 2) : next)) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const { name, end: nameEnd } = tagName(html, i + (isEnd ? 2 : 1));
    const end = tagEnd(html, nameEnd);
    const selfClosing = html.charCodeAt(end - 2) === 47;
    let drop = false;
    const nests = !VOID.has(name) && !OPTIONAL_END.has(name) && !RAW_TEXT.has(name) && !selfClosing;
    if (isEnd) {
      const pending = dropped.get(name) ?? 0;
      if (pending > 0) {
        dropped.set(name, pending - 1);
        drop = true;
      } else if (nests && depth > 0) depth--;
    } else if (depth >= maxDepth && !VOID.has(name) && !RAW_TEXT.has(name)) {
      // Beyond the limit every element goes, list items and cells too: each would still cost the parser
      // a walk of the whole stack of open elements.
      if (!selfClosing) dropped.set(name, (dropped.get(name) ?? 0) + 1);
      drop = true;
    } else if (nests) depth++;
    if (drop) {
      // A run of dropped tags becomes one space.
      if (copiedTo !== i || !changed) out.push(html.slice(copiedTo, i), ' ');
      copiedTo = end;
      changed = true;
    }
    if (!isEnd && RAW_TEXT.has(name)) {
      const close = indexOfEndTag(html, name, end);
      i = close === -1 ? -1 : html.indexOf('<', close + 1);
      continue;
    }
    i = html.indexOf('<', end);
  }
  if (!changed) return html;
  out.push(html.slice(copiedTo));
  return out.join('');
}

/** Index of the `<` of `</name` at or after `from`, case-insensitive, or -1. */
function indexOfEndTag(html: string, name: string, from: number): number {
  for (let at = html.indexOf('</', from); at !== -1; at = html.indexOf('</', at + 2)) {
    if (html.substr(at + 2, name.length).toLowerCase() === name) return at;
  }
  return -1;
}
