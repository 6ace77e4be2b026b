import { TRACKING_PARAM_PATTERNS } from './extract.constants';

// Variants a reader cannot tell apart, or that sites swap with no change to the text.
const TYPOGRAPHIC: ReadonlyArray<[RegExp, string]> = [
  [/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f]/g, ' '],
  [/[\u200b-\u200d\u2060\ufeff\u00ad]/g, ''],
  [/[\u2018\u2019\u201a\u201b\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"'],
  [/[\u2010\u2011\u2043\u2212]/g, '-'],
  [/\u2012/g, '\u2013'],
  [/\u2026/g, '...'],
  [/\ufb01/g, 'fi'],
  [/\ufb02/g, 'fl'],
  [/\ufb00/g, 'ff'],
];

export function normaliseTypography(text: string): string {
  let out = text.normalize('NFC');
  for (const [pattern, replacement] of TYPOGRAPHIC) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Normalises Markdown so that the same text always gives the same bytes: NFC, typographic variants,
 * LF line ends, no trailing spaces, single spaces inside lines (leading indentation is kept: it
 * nests lists), at most one blank line in a row, one final newline.
 */
export function normaliseMarkdown(markdown: string): string {
  const lines = normaliseTypography(markdown.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')).split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const indent = /^ */.exec(line)?.[0] ?? '';
    const body = line.slice(indent.length).replace(/ {2,}/g, ' ').trimEnd();
    if (body === '') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      continue;
    }
    out.push(indent + body);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.length === 0 ? '' : out.join('\n') + '\n';
}

function keptParams(query: string, dropAllParams: boolean): string {
  if (dropAllParams) return '';
  const params = [...new URLSearchParams(query)];
  // Untouched queries keep their exact spelling (re-encoding would change the link for nothing).
  if (!params.some(([name]) => isTracking(name))) return query ? '?' + query : '';
  const kept = params.filter(([name]) => !isTracking(name));
  return kept.length > 0 ? '?' + new URLSearchParams(kept).toString() : '';
}

// Without a page URL a relative link stays relative; only its query is cleaned.
function stripRelative(href: string, dropAllParams: boolean): string {
  const hashAt = href.indexOf('#');
  const beforeHash = hashAt < 0 ? href : href.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : href.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt < 0) return href;
  return beforeHash.slice(0, queryAt) + keptParams(beforeHash.slice(queryAt + 1), dropAllParams) + hash;
}

function isTracking(name: string): boolean {
  return TRACKING_PARAM_PATTERNS.some((pattern) => pattern.test(name));
}

/**
 * Makes a link absolute against the page URL and drops tracking parameters (or every parameter
 * with `dropAllParams`). Fragment-only links stay as they are: they point inside the document.
 * A link that is not a valid URL is returned unchanged.
 */
export function normaliseUrl(href: string, base: string | undefined, dropAllParams = false): string {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return trimmed;
  if (!base && !/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return stripRelative(trimmed, dropAllParams);
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return trimmed;
  }
  if (!/^https?:$/.test(url.protocol)) return url.href;
  if (url.search) url.search = keptParams(url.search.slice(1), dropAllParams);
  return url.href;
}
