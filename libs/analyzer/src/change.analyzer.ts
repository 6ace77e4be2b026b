import { Alignment, ChangeAnalysis, ChangeKind, ClauseChange, Provision, Severity } from './analyzer.types';
import { headingKeys, kindOf, maxKind } from './change-kind.classifier';
import { clauseTypeById } from './clause-types.constants';
import { alignProvisions } from './provision.aligner';
import { splitProvisions } from './provision.splitter';
import { assessClause, maxSeverity, severityRank } from './severity.scorer';
import { RemovedSection, writeSummary } from './summary.writer';
import { changedText, wordDiff } from './word.differ';

const MAX_REASONS = 12;

function joined(list: Provision[], indexes: number[]): string | null {
  return indexes.length ? indexes.map((i) => list[i].text).join('\n\n') : null;
}

function clauseChange(a: Alignment, before: Provision[], after: Provision[], headings: Set<string>): ClauseChange {
  const op = a.op as ClauseChange['op'];
  const kind = kindOf(a, before, after, headings);
  const beforeText = joined(before, a.before);
  const afterText = joined(after, a.after);
  const anchor = after[a.after[0]] ?? before[a.before[0]];
  const diff = beforeText !== null && afterText !== null ? wordDiff(beforeText, afterText) : undefined;
  const base = { op, kind, before: beforeText, after: afterText, headingPath: anchor.headingPath, beforeIndexes: a.before, afterIndexes: a.after, ...(diff ? { diff } : {}) };
  if (kind === 'cosmetic') return { ...base, clauseTypes: [], severity: 'none', direction: 'neutral', reasons: ['cosmetic: wording, punctuation, typography or a date stamp only'] };
  if (kind === 'structure') return { ...base, clauseTypes: [], severity: 'low', direction: 'neutral', reasons: [structureReason(a, before, after)] };
  const assessment = assessClause({
    op,
    before: beforeText,
    after: afterText,
    inserted: diff ? changedText(diff, 'insert') : '',
    deleted: diff ? changedText(diff, 'delete') : '',
    heading: anchor.headingPath[anchor.headingPath.length - 1] ?? null,
  });
  return { ...base, clauseTypes: assessment.clauseTypes.map((t) => t.id), severity: assessment.severity, direction: assessment.direction, reasons: assessment.reasons };
}

function structureReason(a: Alignment, before: Provision[], after: Provision[]): string {
  const p = after[a.after[0]] ?? before[a.before[0]];
  const what = p.kind === 'heading' ? `heading “${p.text}”` : `“${p.text}”`;
  if (a.op === 'added') return `added the ${what} (structure)`;
  if (a.op === 'removed') return `removed the ${what} (structure)`;
  if (a.op === 'moved') return `moved ${what} (structure)`;
  return `${a.op} ${what} without changing its words (structure)`;
}

/** Sections (a heading and everything under it) removed as a whole, for reasons a reader recognises. */
function removedSections(before: Provision[], changes: ClauseChange[]): RemovedSection[] {
  const removed = new Set(changes.filter((c) => c.op === 'removed').flatMap((c) => c.beforeIndexes));
  const sections: RemovedSection[] = [];
  for (const h of before) {
    if (h.kind !== 'heading' || !removed.has(h.index)) continue;
    const depth = h.headingPath.length;
    const members: number[] = [];
    for (let i = h.index + 1; i < before.length; i++) {
      const p = before[i];
      if (p.headingPath.length <= depth || p.headingPath[depth] !== h.text) break;
      members.push(i);
    }
    if (members.length && members.every((i) => removed.has(i))) sections.push({ heading: h.text, indexes: [h.index, ...members] });
  }
  // Keep outermost sections only.
  return sections.filter((s) => !sections.some((o) => o !== s && o.indexes.includes(s.indexes[0])));
}

/** Compares two versions' Markdown: change kind, severity, reasons, a summary and one record per changed clause. */
export function analyzeChange(beforeMarkdown: string, afterMarkdown: string): ChangeAnalysis {
  const before = splitProvisions(beforeMarkdown);
  const after = splitProvisions(afterMarkdown);
  const headings = headingKeys(before, after);
  const clauses = alignProvisions(before, after)
    .filter((a) => a.op !== 'identical')
    .map((a) => clauseChange(a, before, after, headings));

  let kind: ChangeKind = beforeMarkdown === afterMarkdown ? 'none' : 'cosmetic';
  for (const c of clauses) kind = maxKind(kind, c.kind);
  let severity: Severity = kind === 'none' || kind === 'cosmetic' ? 'none' : 'low';
  for (const c of clauses) if (c.kind === 'substantive') severity = maxSeverity(severity, c.severity);

  const sections = removedSections(before, clauses);
  const inSection = new Set(sections.flatMap((s) => s.indexes));
  const sectionReasons = sections.map((s) => {
    const members = clauses.filter((c) => c.op === 'removed' && c.kind === 'substantive' && s.indexes.includes(c.beforeIndexes[0]));
    const top = members.sort((x, y) => severityRank(y.severity) - severityRank(x.severity))[0];
    const topic = top?.clauseTypes[0] ? clauseTypeById.get(top.clauseTypes[0])?.topic : undefined;
    return { rank: top ? severityRank(top.severity) : 1, text: `removed the section “${s.heading}”${topic ? ` describing ${topic}` : ''} (${top?.severity ?? 'low'})` };
  });
  const clauseReasons = clauses
    .filter((c) => !(c.op === 'removed' && inSection.has(c.beforeIndexes[0])))
    .filter((c) => c.kind !== 'cosmetic' || kind === 'cosmetic')
    .flatMap((c) => c.reasons.map((text) => ({ rank: severityRank(c.severity), text })));
  const reasons = [...new Set([...sectionReasons, ...clauseReasons].sort((x, y) => y.rank - x.rank).map((r) => r.text))].slice(0, MAX_REASONS);

  const analysis: ChangeAnalysis = { kind, severity, summary: '', reasons, clauses };
  analysis.summary = writeSummary(analysis, sections);
  return analysis;
}
