import { diff_match_patch } from 'diff-match-patch';
import { DiffSegment } from './analyzer.types';

const dmp = new diff_match_patch();
dmp.Diff_Timeout = 0;
const TOKEN = /[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu;
// The same tokens for ASCII text (its letters and digits are these), without the slower Unicode property classes.
const ASCII_TOKEN = /[A-Za-z0-9]+|\s+|[^A-Za-z0-9\s]/g;
const NON_ASCII = /[^\x00-\x7f]/;
// Char codes per String.fromCharCode call (its arguments go on the stack).
const CHUNK = 8192;

/** Word-level diff: words are diffed as units (so "13" → "18" is a whole-word swap), then semantically cleaned. */
export function wordDiff(before: string, after: string): DiffSegment[] {
  const table = new Map<string, number>();
  const tokens: string[] = [];
  const encode = (text: string): string => {
    const list = text.match(NON_ASCII.test(text) ? TOKEN : ASCII_TOKEN) ?? [];
    // Char codes first, turned into a string in chunks: no string grown one character at a time.
    const codes = new Uint16Array(list.length);
    for (let k = 0; k < list.length; k++) {
      const token = list[k];
      let code = table.get(token);
      if (code === undefined) {
        code = tokens.length + 1;
        if (code >= 0xd800) code += 0x800;
        table.set(token, code);
        tokens.push(token);
      }
      codes[k] = code;
    }
    let out = '';
    for (let k = 0; k < codes.length; k += CHUNK) out += String.fromCharCode.apply(null, codes.subarray(k, k + CHUNK) as unknown as number[]);
    return out;
  };
  const a = encode(before);
  const b = encode(after);
  const diffs = dmp.diff_main(a, b, false);
  dmp.diff_cleanupSemantic(diffs);
  const segments: DiffSegment[] = [];
  for (const [op, chars] of diffs) {
    let text = '';
    // Every code is one UTF-16 unit (the surrogate range is skipped): index, not iterate by code point.
    for (let k = 0; k < chars.length; k++) {
      let code = chars.charCodeAt(k);
      if (code >= 0xe000) code -= 0x800;
      text += tokens[code - 1];
    }
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
