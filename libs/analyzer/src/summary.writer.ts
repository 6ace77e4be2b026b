import { QUOTE_MAX_CHARS } from './analyzer.constants';
import { ChangeAnalysis, ClauseChange } from './analyzer.types';
import { clauseTypeById } from './clause-types.constants';
import { severityRank } from './severity.scorer';
import { changedText } from './word.differ';

export interface RemovedSection {
  heading: string;
  indexes: number[];
}

const MAX_SENTENCES = 5;

function quote(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `“${clean.length > QUOTE_MAX_CHARS ? `${clean.slice(0, QUOTE_MAX_CHARS).replace(/\s+\S*$/, '')} …` : clean}”`;
}

function label(c: ClauseChange): string {
  const info = c.clauseTypes[0] ? clauseTypeById.get(c.clauseTypes[0]) : undefined;
  return info ? ` [${info.label}, ${c.severity}${c.direction === 'better' ? ', improvement' : ''}]` : '';
}

function where(c: ClauseChange): string {
  const heading = c.headingPath[c.headingPath.length - 1];
  return heading ? ` in “${heading}”` : '';
}

function sentence(c: ClauseChange): string {
  if (c.op === 'added') return `Added${where(c)}: ${quote(c.after ?? '')}${label(c)}.`;
  if (c.op === 'removed') return `Removed${where(c)}: ${quote(c.before ?? '')}${label(c)}.`;
  const ins = c.diff ? changedText(c.diff, 'insert') : '';
  const del = c.diff ? changedText(c.diff, 'delete') : '';
  const parts = [del && ins ? `replaced ${quote(del)} with ${quote(ins)}` : ins ? `added ${quote(ins)}` : del ? `removed ${quote(del)}` : ''].filter(Boolean);
  const moved = c.op === 'moved' ? 'Moved and ' : c.op === 'split' ? 'Split and ' : c.op === 'merged' ? 'Merged and ' : '';
  return `${moved}${moved ? 'c' : 'C'}hanged a clause${where(c)}: ${parts.join('')}${label(c)}.`;
}

/**
 * Plain language built only from the alignment and word diff: every sentence quotes changed text, so the
 * summary cannot describe a change the diff does not contain.
 */
export function writeSummary(analysis: ChangeAnalysis, sections: RemovedSection[]): string {
  const { kind, clauses } = analysis;
  if (kind === 'none') return 'No change: the two versions have the same text.';
  if (kind === 'cosmetic') {
    const stamp = clauses.find((c) => c.before && c.after && c.kind === 'cosmetic' && c.diff?.some((s) => s.op !== 'equal' && /\d/.test(s.text)));
    const date = stamp?.diff ? ` The date stamp changed from ${quote(changedText(stamp.diff, 'delete'))} to ${quote(changedText(stamp.diff, 'insert'))}.` : '';
    return `Cosmetic change only (punctuation, whitespace, typography or date stamps): ${clauses.length} provision${clauses.length === 1 ? '' : 's'} touched, no clause says anything new.${date}`;
  }
  if (kind === 'structure') {
    const headingsRemoved = clauses.filter((c) => c.kind === 'structure' && c.op === 'removed' && c.before).map((c) => quote(c.before ?? ''));
    const headingsAdded = clauses.filter((c) => c.kind === 'structure' && c.op === 'added' && c.after).map((c) => quote(c.after ?? ''));
    const other = clauses.filter((c) => c.kind === 'structure' && c.op !== 'added' && c.op !== 'removed').length;
    const parts = [
      headingsRemoved.length ? `removed ${headingsRemoved.length} heading or outline line${headingsRemoved.length === 1 ? '' : 's'} (${headingsRemoved.slice(0, 6).join(', ')}${headingsRemoved.length > 6 ? ', …' : ''})` : '',
      headingsAdded.length ? `added ${headingsAdded.length} heading or outline line${headingsAdded.length === 1 ? '' : 's'} (${headingsAdded.slice(0, 6).join(', ')}${headingsAdded.length > 6 ? ', …' : ''})` : '',
      other ? `moved, split, merged or renumbered ${other} provision${other === 1 ? '' : 's'}` : '',
    ].filter(Boolean);
    return `Structure only: ${parts.join('; ')}. The wording of the clauses did not change.`;
  }
  const substantive = clauses.filter((c) => c.kind === 'substantive');
  const inSection = new Set(sections.flatMap((s) => s.indexes));
  const lines: string[] = [];
  for (const s of sections) {
    const members = substantive.filter((c) => c.op === 'removed' && s.indexes.includes(c.beforeIndexes[0]));
    if (!members.length) continue;
    const first = members[0];
    lines.push(`Removed the section “${s.heading}” (${members.length} provision${members.length === 1 ? '' : 's'}), which began ${quote(first.before ?? '')}${label(members.sort((x, y) => severityRank(y.severity) - severityRank(x.severity))[0])}.`);
  }
  const rest = substantive
    .filter((c) => !(c.op === 'removed' && inSection.has(c.beforeIndexes[0])))
    .sort((x, y) => severityRank(y.severity) - severityRank(x.severity));
  for (const c of rest) lines.push(sentence(c));
  const shown = lines.slice(0, MAX_SENTENCES);
  const more = lines.length - shown.length;
  return [
    `Substantive change, severity ${analysis.severity}: ${substantive.length} clause${substantive.length === 1 ? '' : 's'} changed.`,
    ...shown,
    more > 0 ? `And ${more} more change${more === 1 ? '' : 's'}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
