import { diff_match_patch } from 'diff-match-patch';
import { DiffSegment } from './analyzer.types';

const dmp = new diff_match_patch();
dmp.Diff_Timeout = 0;
/** What a token is: a run of letters and digits, a run of whitespace, or one other character (forEachToken reads these). */
export const TOKEN_PATTERN = /[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu;
/** Codes per String.fromCharCode call (well under the engine's argument limit). */
const CHUNK = 8192;

/** Word-level diff: words are diffed as units (so "13" → "18" is a whole-word swap), then semantically cleaned. */
export function wordDiff(before: string, after: string): DiffSegment[] {
  const table = new Map<string, number>();
  const tokens: string[] = [];
  // Codes of one-character tokens (a space, a punctuation mark) by character: no string cut out and hashed for them.
  const byChar: number[] = [];
  const codeOf = (token: string): number => {
    let code = table.get(token);
    if (code === undefined) {
      code = tokens.length + 1;
      if (code >= 0xd800) code += 0x800;
      table.set(token, code);
      tokens.push(token);
    }
    return code;
  };
  // Memory: a token at a time (no array of every token of a 10 MB clause) and the code string built
  // in chunks (no chain of a million one-character concatenations): a few MB where it took hundreds.
  const encode = (text: string): string => {
    const chunks: string[] = [];
    let codes: number[] = [];
    const add = (code: number): void => {
      codes.push(code);
      if (codes.length === CHUNK) {
        chunks.push(String.fromCharCode(...codes));
        codes = [];
      }
    };
    forEachToken(text, (start, end) => {
      if (end - start > 1) add(codeOf(text.slice(start, end)));
      else add((byChar[text.charCodeAt(start)] ??= codeOf(text[start])));
    });
    chunks.push(String.fromCharCode(...codes));
    return chunks.join('');
  };
  const a = encode(before);
  const b = encode(after);
  const diffs = dmp.diff_main(a, b, false);
  dmp.diff_cleanupSemantic(diffs);
  const segments: DiffSegment[] = [];
  for (const [op, chars] of diffs) {
    const parts: string[] = new Array(chars.length);
    for (let i = 0; i < chars.length; i++) {
      let code = chars.charCodeAt(i);
      if (code >= 0xe000) code -= 0x800;
      parts[i] = tokens[code - 1];
    }
    const text = parts.join('');
    const kind = op === 0 ? 'equal' : op === 1 ? 'insert' : 'delete';
    const last = segments[segments.length - 1];
    if (last && last.op === kind) last.text += text;
    else segments.push({ op: kind, text });
  }
  return segments;
}

export function changedText(diff: DiffSegment[], op: 'insert' | 'delete'): string {
  return diff
    .filter((s) => s.op === op)
    .map((s) => s.text.trim())
    .filter(Boolean)
    .join(' … ');
}

const OTHER = 0;
const WORD = 1;
const SPACE = 2;
/** The class of each ASCII character: a letter or digit, whitespace, or other. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => classOf(String.fromCharCode(c)));
/** Classes of the other characters of the Basic Multilingual Plane, found on first use (0: not yet). */
const BMP_CLASS = new Uint8Array(0x10000);

function classOf(ch: string): number {
  return /^[\p{L}\p{N}]$/u.test(ch) ? WORD : /^\s$/u.test(ch) ? SPACE : OTHER;
}

function codePointClass(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp];
  if (cp > 0xffff) return classOf(String.fromCodePoint(cp));
  // Stored one above the class, so that 0 means not yet known.
  return (BMP_CLASS[cp] ||= classOf(String.fromCharCode(cp)) + 1) - 1;
}

/**
 * The tokens of a text as TOKEN_PATTERN reads them — a run of letters and digits, a run of whitespace, or one other
 * character (code point) — each as its start and end. A loop over character codes with their classes remembered,
 * several times faster than the pattern's exec on every clause of a rewrite.
 */
export function forEachToken(text: string, visit: (start: number, end: number) => void): void {
  for (let start = 0; start < text.length; ) {
    const first = text.codePointAt(start) as number;
    const kind = codePointClass(first);
    let end = start + (first > 0xffff ? 2 : 1);
    if (kind !== OTHER) {
      while (end < text.length) {
        const cp = text.codePointAt(end) as number;
        if (codePointClass(cp) !== kind) break;
        end += cp > 0xffff ? 2 : 1;
      }
    }
    visit(start, end);
    start = end;
  }
}
