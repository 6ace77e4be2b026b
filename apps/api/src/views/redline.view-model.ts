import { wordDiff } from '@clausewatch/analyzer';

export interface RedlineSegment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** Word-level redline of a clause (diff-match-patch with semantic cleanup); an added or removed clause is one segment. */
export function redlineSegments(before: string | null, after: string | null): RedlineSegment[] {
  if (before === null && after === null) return [];
  if (before === null) return [{ op: 'insert', text: after! }];
  if (after === null) return [{ op: 'delete', text: before }];
  return wordDiff(before, after);
}
