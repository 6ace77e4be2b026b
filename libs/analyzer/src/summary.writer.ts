import { QUOTE_MAX_CHARS, QUOTE_SENTENCE_MAX_CHARS } from './analyzer.constants';
import { ChangeAnalysis, ClauseChange } from './analyzer.types';
import { clauseTypeById } from './clause-types.constants';
import { severityRank } from './severity.scorer';
import { changedText } from './word.differ';

export interface RemovedSection {
  heading: string;
  indexes: number[];
}

const MAX_SENTENCES = 5;
// The topics of the changes beyond those sentences that are named, most severe first (a longer list is no longer read).
const MAX_TOPICS = 6;

function quote(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `“${clean.length > QUOTE_MAX_CHARS ? `${clean.slice(0, QUOTE_MAX_CHARS).replace(/\s+\S*$/, '')} …` : clean}”`;
}

// A sentence ends at . ! or ? followed by a space and a capital, a digit or an opening quote or bracket.
const SENTENCE_BREAK = /[.!?](?=\s+["“'(\p{Lu}\d])/gu;
const CLAUSE_BREAK = /[;:,](?=\s)/g;

/**
 * The sentence of a clause that holds its decisive words, quoted whole; a sentence too long to quote is cut at a
 * clause boundary (; : ,) after those words, never mid-clause. A short clause is quoted whole. `through` (an offset
 * in the clause with its whitespace collapsed) is where the changed words end: the sentences after the decisive one
 * that the change also wrote are quoted with it while the whole stays within QUOTE_SENTENCE_MAX_CHARS, so a new
 * sentence such as "You cannot opt out of this use" is not cut off behind the one that scored.
 */
export function sentenceQuote(text: string, anchor?: string, through?: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= QUOTE_MAX_CHARS) return `“${clean}”`;
  const at = anchor ? Math.max(0, clean.toLowerCase().indexOf(anchor.replace(/\s+/g, ' ').trim().toLowerCase())) : 0;
  let start = 0;
  let end = clean.length;
  const stops = [...clean.matchAll(SENTENCE_BREAK)].map((m) => (m.index ?? 0) + 1);
  for (const stop of stops) {
    if (stop <= at) start = stop;
    else {
      end = stop;
      break;
    }
  }
  if (through !== undefined && through > end) {
    // The end of the sentence the change's last words are in; only if the whole still reads as one quote.
    const further = stops.find((stop) => stop >= through) ?? clean.length;
    if (clean.slice(start, further).trim().length <= QUOTE_SENTENCE_MAX_CHARS) end = further;
  }
  let sentence = clean.slice(start, end).trim();
  let cut = false;
  if (sentence.length > QUOTE_SENTENCE_MAX_CHARS) {
    const need = Math.max(0, at - start) + (anchor?.length ?? 0);
    let best = -1;
    for (const m of sentence.matchAll(CLAUSE_BREAK)) {
      const stop = (m.index ?? 0) + 1;
      if (stop >= need && stop <= QUOTE_SENTENCE_MAX_CHARS) best = stop;
      if (stop > QUOTE_SENTENCE_MAX_CHARS) {
        if (best < 0) best = stop;
        break;
      }
    }
    if (best > 0 && best < sentence.length) {
      sentence = sentence.slice(0, best).trim();
      cut = true;
    }
  }
  return `“${start > 0 ? '… ' : ''}${sentence}${cut || end < clean.length ? ' …' : ''}”`;
}

function label(c: ClauseChange): string {
  const info = c.clauseTypes[0] ? clauseTypeById.get(c.clauseTypes[0]) : undefined;
  if (info) return ` [${info.label}, ${c.severity}${c.direction === 'better' ? ', improvement' : ''}]`;
  // Text the rules could not read says so next to its severity, which came from the size of the change.
  const sized = c.reasons.map((r) => /a clause (?:not analysed in ([^:]+)|in (\S+) read in part)/.exec(r)).find(Boolean);
  if (!sized) return '';
  return sized[1] ? ` [not analysed in ${sized[1]}, ${c.severity}]` : ` [${sized[2]}, read in part, ${c.severity}]`;
}

/**
 * What the changes the summary does not quote are about: each type that scored one of them, with the highest severity
 * it reached there, most severe first ("[Retention, medium], [Eligibility, low] and [Payment, low]"; the six most severe, and how
 * many more), so that a reader of five sentences still sees what else the change touched.
 */
function topicsOf(clauses: ClauseChange[]): string {
  const byType = new Map<string, ClauseChange>();
  for (const c of clauses) {
    const id = c.clauseTypes[0];
    if (!id || !clauseTypeById.has(id)) continue;
    const seen = byType.get(id);
    if (!seen || severityRank(c.severity) > severityRank(seen.severity)) byType.set(id, c);
  }
  const labels = [...byType.values()].sort((x, y) => severityRank(y.severity) - severityRank(x.severity)).map((c) => label(c).trim());
  const named = labels.slice(0, MAX_TOPICS);
  if (labels.length > MAX_TOPICS) named.push(`${labels.length - MAX_TOPICS} other topic${labels.length - MAX_TOPICS === 1 ? '' : 's'}`);
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : (named[0] ?? '');
}

function where(c: ClauseChange): string {
  const heading = c.headingPath[c.headingPath.length - 1];
  return heading ? ` in “${heading}”` : '';
}

const SHORT_CHANGE_CHARS = 60;

/** The first changed passage worth anchoring a quote on (two words or more, else the first). */
function firstChange(c: ClauseChange, op: 'insert' | 'delete'): string | undefined {
  const parts = (c.diff ?? []).filter((s) => s.op === op).map((s) => s.text.trim()).filter(Boolean);
  return parts.find((p) => p.includes(' ')) ?? parts[0];
}

/**
 * Where the words the change wrote (`insert`) or cut (`delete`) end, as an offset in that side's text with its
 * whitespace collapsed as `sentenceQuote` reads it; undefined when the diff does not spell that text out.
 */
function changeEnd(c: ClauseChange, op: 'insert' | 'delete'): number | undefined {
  const side = op === 'insert' ? c.after : c.before;
  if (!c.diff || !side) return undefined;
  let text = '';
  let end = -1;
  for (const s of c.diff) {
    if (s.op !== 'equal' && s.op !== op) continue;
    text += s.text;
    if (s.op === op && s.text.trim()) end = text.trimEnd().length;
  }
  const collapse = (t: string): string => t.replace(/\s+/g, ' ').trimStart();
  if (end < 0 || collapse(text).trim() !== collapse(side).trim()) return undefined;
  return collapse(text.slice(0, end)).length;
}

function sentence(c: ClauseChange): string {
  if (c.op === 'added') return `Added${where(c)}: ${sentenceQuote(c.after ?? '', c.decisive, (c.after ?? '').length)}${label(c)}.`;
  if (c.op === 'removed') return `Removed${where(c)}: ${sentenceQuote(c.before ?? '', c.decisive, (c.before ?? '').length)}${label(c)}.`;
  const ins = c.diff ? changedText(c.diff, 'insert') : '';
  const del = c.diff ? changedText(c.diff, 'delete') : '';
  const decisiveIn = (text: string | null): boolean => !!c.decisive && !!text && text.toLowerCase().includes(c.decisive.toLowerCase());
  // Short edits read best as "replaced X with Y"; longer ones quote the new sentence that holds them, whole.
  const short = ins.length <= SHORT_CHANGE_CHARS && del.length <= SHORT_CHANGE_CHARS;
  const anchorNew = decisiveIn(c.after) ? c.decisive : firstChange(c, 'insert');
  const anchorOld = decisiveIn(c.before) ? c.decisive : firstChange(c, 'delete');
  const was = (): string => sentenceQuote(c.before ?? '', anchorOld, changeEnd(c, 'delete'));
  /** The new sentence, and the old one where the change also cut words. */
  const reads = (): string => {
    const showWas = !!del && !ins.includes(del);
    let now = sentenceQuote(c.after ?? '', anchorNew, changeEnd(c, 'insert'));
    let before = showWas || anchorNew === c.decisive ? was() : undefined;
    // The decisive words can sit in a sentence the change left as it was: the quotes then show no change, so they are
    // taken where the changed words are.
    if (before !== undefined && now === before) {
      now = sentenceQuote(c.after ?? '', firstChange(c, 'insert'), changeEnd(c, 'insert'));
      before = sentenceQuote(c.before ?? '', firstChange(c, 'delete'), changeEnd(c, 'delete'));
    }
    return showWas ? `${now} (was ${before})` : now;
  };
  const parts = [
    short
      ? del && ins
        ? `replaced ${quote(del)} with ${quote(ins)}`
        : ins
          ? `added ${quote(ins)}`
          : del
            ? `removed ${quote(del)}`
            : ''
      : ins
        ? `it now reads ${reads()}`
        : `removed ${was()}`,
  ].filter(Boolean);
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
  const ranked: Array<{ rank: number; text: string; clauses: ClauseChange[] }> = [];
  for (const s of sections) {
    const members = substantive.filter((c) => c.op === 'removed' && s.indexes.includes(c.beforeIndexes[0]));
    if (!members.length) continue;
    const top = [...members].sort((x, y) => severityRank(y.severity) - severityRank(x.severity))[0];
    const moved = top.reasons.some((r) => r.startsWith('moved the section'));
    ranked.push({ rank: severityRank(top.severity), text: `${moved ? 'Moved to a separate notice' : 'Removed'} the section “${s.heading}” (${members.length} provision${members.length === 1 ? '' : 's'}), including ${sentenceQuote(top.before ?? '', top.decisive)}${label(top)}.`, clauses: members });
  }
  for (const c of substantive.filter((c) => !(c.op === 'removed' && inSection.has(c.beforeIndexes[0])))) ranked.push({ rank: severityRank(c.severity), text: sentence(c), clauses: [c] });
  // Most severe first; equal ones keep document order.
  const lines = ranked.map((r, i) => ({ ...r, i })).sort((x, y) => y.rank - x.rank || x.i - y.i);
  const shown = lines.slice(0, MAX_SENTENCES).map((r) => r.text);
  const hidden = lines.slice(MAX_SENTENCES);
  const topics = topicsOf(hidden.flatMap((r) => r.clauses));
  return [
    `Substantive change, severity ${analysis.severity}: ${substantive.length} clause${substantive.length === 1 ? '' : 's'} changed.`,
    ...shown,
    hidden.length > 0 ? `And ${hidden.length} more change${hidden.length === 1 ? '' : 's'}${topics ? `, on ${topics}` : ''}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
