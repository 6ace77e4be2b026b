import { wordDiff } from '@clausewatch/analyzer';

/** One run of a word-level redline: unchanged, inserted or deleted text. */
export interface RedlineSegment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * Word-level redline of a clause (diff-match-patch over words, semantic cleanup: the analyzer's
 * `wordDiff`). An added clause is one insert, a removed one one delete.
 */
export function redlineSegments(before: string | null, after: string | null): RedlineSegment[] {
  if (!before && !after) return [];
  if (!before) return [{ op: 'insert', text: after! }];
  if (!after) return [{ op: 'delete', text: before }];
  return wordDiff(before, after);
}

/**
 * Shortens long unchanged runs to `context` words on each side of a change (the start and end of
 * the clause keep `context` words too), so a one-word edit in a long paragraph reads at a glance.
 */
export function elideUnchanged(segments: RedlineSegment[], context = 25): RedlineSegment[] {
  if (!segments.some((s) => s.op !== 'equal')) return segments;
  return segments.map((segment, index) => {
    if (segment.op !== 'equal') return segment;
    const words = segment.text.split(/(\s+)/);
    const wordCount = Math.ceil(words.length / 2);
    const first = index === 0;
    const last = index === segments.length - 1;
    const keep = (first || last ? 1 : 2) * context;
    if (wordCount <= keep + 5) return segment;
    const head = first ? '' : words.slice(0, context * 2).join('');
    const tail = last ? '' : words.slice(-context * 2).join('');
    return { op: 'equal', text: `${head}${head ? ' ' : ''}… ${tail}`.replace(/^ /, '') };
  });
}

/** The redline as plain text that reads without colour: [-deleted-] {+inserted+} (wdiff style). */
export function redlineText(segments: RedlineSegment[]): string {
  return segments.map((s) => (s.op === 'delete' ? `[-${s.text}-]` : s.op === 'insert' ? `{+${s.text}+}` : s.text)).join('');
}
