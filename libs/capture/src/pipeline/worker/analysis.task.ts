import { analyzeChange, ChangeAnalysis } from '@clausewatch/analyzer';
import type { AnalyzeTask } from './task.types';

function bound(text: string | null, max: number): string | null {
  if (text === null || text.length <= max) return text;
  return `${text.slice(0, max)}… [${text.length - max} more characters: the full text is in the version]`;
}

/**
 * Analyses a change and bounds what the change record keeps of each clause: a page rewritten as one
 * 10 MB paragraph must not become a 28 MB change record. The word diff of an over-long clause is dropped
 * (the bounded texts and the versions still show the change).
 */
export function runAnalysis(task: AnalyzeTask): ChangeAnalysis {
  return boundClauseTexts(analyzeChange(task.before, task.after), task.maxClauseChars);
}

/** The analysis with each clause's before/after cut at `max` characters (and the word diff of a cut clause dropped). */
export function boundClauseTexts(analysis: ChangeAnalysis, max: number): ChangeAnalysis {
  return {
    ...analysis,
    clauses: analysis.clauses.map((clause) => {
      const long = (clause.before?.length ?? 0) > max || (clause.after?.length ?? 0) > max;
      if (!long) return clause;
      const { diff: _diff, ...rest } = clause;
      return { ...rest, before: bound(clause.before, max), after: bound(clause.after, max) };
    }),
  };
}
