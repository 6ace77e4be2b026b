import { diff_match_patch } from 'diff-match-patch';
import { DiffSegment } from './analyzer.types';

const dmp = new diff_match_patch();
dmp.Diff_Timeout = 0;
const TOKEN = /[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu;
// The same tokens for ASCII text (its letters and digits are these), without the slower Unicode property classes.
const ASCII_TOKEN = /[A-Za-z0-9]+|\s+|[^A-Za-z0-9\s]/g;
const NON_ASCII = /[^\x00-\x7f]/;
/** Codes per String.fromCharCode call (well under the engine's argument limit). */
const CHUNK = 8192;

/** Word-level diff: words are diffed as units (so "13" → "18" is a whole-word swap), then semantically cleaned. */
export function wordDiff(before: string, after: string): DiffSegment[] {
  const table = new Map<string, number>();
  const tokens: string[] = [];
  // Memory: a token at a time (no array of every token of a 10 MB clause) and the code string built
  // in chunks (no chain of a million one-character concatenations): a few MB where it took hundreds.
  const encode = (text: string): string => {
    // The shared global patterns, from the start: encode runs to the end of its text without yielding, and
    // exec leaves lastIndex at 0 when it runs out (no RegExp built per clause).
    const pattern = NON_ASCII.test(text) ? TOKEN : ASCII_TOKEN;
    pattern.lastIndex = 0;
    const chunks: string[] = [];
    let codes: number[] = [];
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const token = match[0];
      let code = table.get(token);
      if (code === undefined) {
        code = tokens.length + 1;
        if (code >= 0xd800) code += 0x800;
        table.set(token, code);
        tokens.push(token);
      }
      codes.push(code);
      if (codes.length === CHUNK) {
        chunks.push(String.fromCharCode(...codes));
        codes = [];
      }
    }
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
