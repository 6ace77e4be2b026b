import { Alignment, ChangeAnalysis, ChangeGuidance, ChangeKind, ClauseChange, DiffSegment, Direction, Provision, Severity } from './analyzer.types';
import { headingKeys, kindOf, maxKind, unlabelledRow } from './change-kind.classifier';
import { clearClassifyCache } from './clause.classifier';
import { clauseTypeById } from './clause-types.constants';
import { alignProvisions } from './provision.aligner';
import { splitProvisions } from './provision.splitter';
import { clearCosmeticKeys, cosmeticKey, joinedSearchKey, searchKey } from './text.normalizer';
import { markPartyChange } from './party.detector';
import { assessClause, maxSeverity, severityRank } from './severity.scorer';
import { RemovedSection, writeSummary } from './summary.writer';
import { changedText, wordDiff } from './word.differ';

const MAX_REASONS = 12;

function joined(list: Provision[], indexes: number[]): string | null {
  return indexes.length ? indexes.map((i) => list[i].text).join('\n\n') : null;
}

interface Context {
  headings: Set<string>;
  /** Each version as a whole (searchKey), computed on first use. */
  beforeKey: () => string;
  afterKey: () => string;
  /** Whether each version as a whole holds a search key, answers remembered. */
  inBefore: (key: string) => boolean;
  inAfter: (key: string) => boolean;
  /** Whether each version as a whole matches a pattern, answers remembered. */
  matchesBefore: (pattern: RegExp) => boolean;
  matchesAfter: (pattern: RegExp) => boolean;
  /** Provisions that look like page navigation (runs of short link-like lines), by version. */
  navBefore: Set<number>;
  navAfter: Set<number>;
  /** Short provisions standing several times in one version and never in the other (computed on first use). */
  repeatedBefore: () => Set<number>;
  repeatedAfter: () => Set<number>;
  /** Each added (removed) provision's text and content words, computed on first use. */
  addedWords: () => WordedText[];
  removedWords: () => WordedText[];
}

// A provision whose content words stand mostly (this share) in one provision on the other side was reworded and moved.
const RESEMBLANCE_MIN_SHARE = 0.5;

// Words are compared by their first letters, so that forms of one word ("processing" / "processors", "collect" /
// "collected") count as shared.
const RESEMBLANCE_STEM = 6;

function contentWords(text: string): Set<string> {
  return new Set(
    cosmeticKey(text)
      .split(' ')
      .filter((w) => w.length >= 4)
      .map((w) => w.slice(0, RESEMBLANCE_STEM)),
  );
}

interface WordedText {
  text: string;
  words: Set<string>;
}

function provisionOf(text: string): WordedText {
  return { text, words: contentWords(text) };
}

/** The texts of the provisions on the other side that say much the same (most of this one's content words). */
function resemblingOthers(text: string, others: WordedText[]): string[] {
  const words = contentWords(text);
  if (words.size < 4) return [];
  return others
    .filter((o) => {
      let shared = 0;
      for (const w of words) if (o.words.has(w)) shared++;
      return shared / words.size >= RESEMBLANCE_MIN_SHARE;
    })
    .map((o) => o.text);
}

/** Whether a text computed on first use matches a pattern (a stateless one: no `g` flag), each pattern's answer remembered. */
function rememberedMatch(text: () => string): (pattern: RegExp) => boolean {
  const answers = new Map<RegExp, boolean>();
  return (pattern) => {
    let found = answers.get(pattern);
    if (found === undefined) {
      found = pattern.test(text());
      answers.set(pattern, found);
    }
    return found;
  };
}

/**
 * Substring search in a text computed on first use, each key's answer remembered. After a few searches the text's
 * space-separated pieces are indexed by their first three characters: a key with a space is followed there by a piece
 * that starts with the key's next word, so it is compared only where such a piece starts instead of scanning the whole
 * version (a rewrite asks ~150 times).
 */
export function rememberedSearch(text: () => string): (key: string) => boolean {
  const answers = new Map<string, boolean>();
  let searches = 0;
  let index: Map<string, number[]> | null = null;
  const contains = (key: string): boolean => {
    const space = key.indexOf(' ');
    // The word after the key's first space (up to its next space): the start of a piece of the text.
    const next = space < 0 ? '' : key.slice(space + 1, space + 1 + PREFIX);
    if (next.length < PREFIX || next.includes(' ') || ++searches <= SCANS_BEFORE_INDEX) return text().includes(key);
    const hay = text();
    index ??= piecesByPrefix(hay);
    for (const start of index.get(next) ?? []) {
      const at = start - space - 1;
      if (at >= 0 && hay.startsWith(key, at)) return true;
    }
    return false;
  };
  return (key) => {
    let found = answers.get(key);
    if (found === undefined) {
      found = contains(key);
      answers.set(key, found);
    }
    return found;
  };
}

// Whole-text scans before the text is indexed: a pair with few added or removed clauses never builds the index.
const SCANS_BEFORE_INDEX = 16;
const PREFIX = 3;

/** Where each piece of the text between single spaces starts, by its first PREFIX characters (shorter pieces: none). */
function piecesByPrefix(text: string): Map<string, number[]> {
  const starts = new Map<string, number[]>();
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    if (end - start >= PREFIX) {
      const prefix = text.slice(start, start + PREFIX);
      const list = starts.get(prefix);
      if (list) list.push(start);
      else starts.set(prefix, [start]);
    }
    start = end + 1;
  }
  return starts;
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** The same words turned from a paragraph into a heading or back: an outline change. */
function headingChanged(a: Alignment, before: Provision[], after: Provision[]): boolean {
  return a.op === 'identical' && a.before.length === 1 && a.after.length === 1 && (before[a.before[0]].kind === 'heading') !== (after[a.after[0]].kind === 'heading');
}

function clauseChange(a: Alignment, before: Provision[], after: Provision[], ctx: Context): ClauseChange {
  const op = (a.op === 'identical' ? 'reworded' : a.op) as ClauseChange['op'];
  let kind = a.op === 'identical' ? 'structure' : kindOf(a, before, after, ctx.headings);
  let why: string | null = a.op === 'identical' ? `turned “${after[a.after[0]].text}” ${after[a.after[0]].kind === 'heading' ? 'into a heading' : 'from a heading into text'} (structure)` : null;
  // Navigation is chrome whether its lines read as text or as titles ("Home", "About Us").
  if (kind !== 'cosmetic' && (op === 'added' || op === 'removed')) {
    const indexes = op === 'added' ? a.after : a.before;
    const nav = op === 'added' ? ctx.navAfter : ctx.navBefore;
    const list = op === 'added' ? after : before;
    const key = searchKey(list[indexes[0]].text);
    if (indexes.every((i) => nav.has(i))) {
      kind = 'cosmetic';
      why = 'cosmetic: page navigation (a run of short link-like lines) that the capture gained or lost';
    } else if (indexes.every((i) => (op === 'added' ? ctx.repeatedAfter() : ctx.repeatedBefore()).has(i))) {
      kind = 'cosmetic';
      why = `cosmetic: “${list[indexes[0]].text}” stands several times in the ${op === 'added' ? 'new' : 'old'} version and nowhere in the ${op === 'added' ? 'old' : 'new'} one: page text the capture repeats (a banner, a teaser, a footer)`;
    } else if (indexes.length === 1 && isColumnLabels(list, indexes[0])) {
      kind = 'structure';
      why = `${op} the column labels “${list[indexes[0]].text}” of a table (structure)`;
    } else if (key.split(' ').length >= MOVED_MIN_WORDS && [key, ...(key.includes('|') ? [searchKey(unlabelledRow(list[indexes[0]].text))] : [])].some((k) => (op === 'added' ? ctx.inBefore : ctx.inAfter)(k.replace(/[.;:,]$/, '')))) {
      kind = 'structure';
      why = `moved, split or joined “${list[indexes[0]].text}”: the same words stand elsewhere in the ${op === 'added' ? 'old' : 'new'} version (structure)`;
    }
  }
  const beforeText = joined(before, a.before);
  const afterText = joined(after, a.after);
  const anchor = after[a.after[0]] ?? before[a.before[0]];
  const diff = beforeText !== null && afterText !== null ? wordDiff(beforeText, afterText) : undefined;
  if (kind === 'substantive' && beforeText !== null && afterText !== null) {
    const moved = diff && changedAtOneEdge(diff) ? movedAtEdge(beforeText, afterText, ctx) : null;
    if (moved) {
      kind = 'structure';
      why = `moved “${moved.text}” ${moved.into ? 'onto' : 'off'} the clause: the same words stand elsewhere in the ${moved.into ? 'old' : 'new'} version (structure)`;
    } else if (diff && (op === 'merged' || op === 'split') && repeatsDropped(diff, op, op === 'merged' ? afterText : beforeText)) {
      kind = 'structure';
      why = `${op === 'merged' ? 'joined clauses, dropping' : 'split a clause, restating'} only words the joined text says already (structure)`;
    }
  }
  // The record is built field by field in its stored order: object spreads (a base spread into the verdict, optional
  // fields spread in) cost more per clause than everything else done here.
  const base: Omit<ClauseChange, 'clauseTypes' | 'severity' | 'direction' | 'reasons'> = { op, kind, before: beforeText, after: afterText, headingPath: anchor.headingPath, beforeIndexes: a.before, afterIndexes: a.after };
  if (diff) base.diff = diff;
  const judged = (clauseTypes: string[], severity: Severity, direction: Direction, reasons: string[]): ClauseChange => Object.assign(base, { clauseTypes, severity, direction, reasons });
  if (kind === 'cosmetic') return judged([], 'none', 'neutral', [why ?? 'cosmetic: wording, punctuation, typography or a date stamp only']);
  if (kind === 'structure') return judged([], 'low', 'neutral', [why ?? structureReason(a, before, after)]);
  const assessment = assessClause({
    op,
    before: beforeText,
    after: afterText,
    inserted: diff ? changedText(diff, 'insert') : '',
    deleted: diff ? changedText(diff, 'delete') : '',
    heading: anchor.headingPath[anchor.headingPath.length - 1] ?? null,
    headingPath: anchor.headingPath,
    otherVersion: op === 'added' ? ctx.beforeKey() : op === 'removed' ? ctx.afterKey() : undefined,
    newVersion: op === 'added' || op === 'removed' ? undefined : ctx.afterKey,
    inOtherVersion: op === 'added' ? ctx.inBefore : op === 'removed' ? ctx.inAfter : undefined,
    otherVersionMatches: op === 'added' ? ctx.matchesBefore : op === 'removed' ? ctx.matchesAfter : undefined,
    resembles: op === 'added' || op === 'removed' ? () => resemblingOthers(op === 'added' ? afterText ?? '' : beforeText ?? '', op === 'added' ? ctx.removedWords() : ctx.addedWords()) : undefined,
    lead: a.after.length ? leadIn(after, a.after[0]) : leadIn(before, a.before[0]),
    intro: a.after.length ? introOf(after, a.after[0]) : introOf(before, a.before[0]),
  });
  const change = judged(assessment.clauseTypes.map((t) => t.id), assessment.severity, assessment.direction, assessment.reasons);
  if (assessment.scoredType) change.scoredType = assessment.scoredType;
  if (assessment.decisive) change.decisive = assessment.decisive;
  return change;
}

/**
 * Words the capture glued onto one end of a clause, or took off it, that stand elsewhere in the other version: a title
 * or sentence that moved between neighbours ("…under applicable law.Links to other Websites" in one version, "Links to
 * other WebsitesThe Website may contain…" in the other). The two texts are compared without spaces, since the glue took
 * the one between them; the words must be at least MOVED_MIN_WORDS.
 */
/** Whether the word diff changed only the first two or only the last two of its pieces: words at one end. */
function changedAtOneEdge(diff: DiffSegment[]): boolean {
  let first = -1;
  let last = -1;
  for (let i = 0; i < diff.length; i++) {
    if (diff[i].op === 'equal' || !diff[i].text.trim()) continue;
    if (first < 0) first = i;
    last = i;
  }
  return first >= 0 && (last <= 1 || first >= diff.length - 2);
}

function movedAtEdge(beforeText: string, afterText: string, ctx: Context): { text: string; into: boolean } | null {
  // Most rewordings change words inside the clause: the longer text neither begins nor ends as the shorter one does.
  const [longText, shortText] = afterText.length > beforeText.length ? [afterText, beforeText] : [beforeText, afterText];
  if (longText.length - shortText.length < EDGE_MIN_CHARS) return null;
  const edge = (x: string, atStart: boolean): string => (atStart ? x.slice(0, EDGE_CHARS) : x.slice(-EDGE_CHARS)).trim().toLowerCase();
  if (!longText.toLowerCase().startsWith(edge(shortText, true)) && !longText.toLowerCase().endsWith(edge(shortText, false))) return null;
  const bare = (x: string): string => x.replace(/\s+/g, '').toLowerCase();
  const b = bare(beforeText);
  const f = bare(afterText);
  const into = f.length > b.length;
  const [long, short, longer] = into ? [f, b, afterText] : [b, f, beforeText];
  if (short.length === 0 || long.length === short.length) return null;
  const atStart = long.endsWith(short);
  if (!atStart && !long.startsWith(short)) return null;
  // The extra characters, as they stand (with their spaces) at that end of the longer text.
  const extra = long.length - short.length;
  let cut = atStart ? 0 : longer.length;
  for (let seen = 0; seen < extra && cut >= 0 && cut <= longer.length; ) {
    const c = atStart ? longer[cut++] : longer[--cut];
    if (!/\s/.test(c)) seen++;
  }
  const text = (atStart ? longer.slice(0, cut) : longer.slice(cut)).trim().replace(/^[.;:,]+|[.;:,]+$/g, '');
  const key = searchKey(text);
  if (bare(text).length > extra || key.split(' ').length < MOVED_MIN_WORDS) return null;
  return (into ? ctx.inBefore : ctx.inAfter)(key) ? { text, into } : null;
}

// Words moved at an edge are at least MOVED_MIN_WORDS words: some characters; the edges compared first are this long.
const EDGE_MIN_CHARS = 12;
const EDGE_CHARS = 12;

// Small joining words a join or split may drop or add ("With … off, if" → "If"); a negation is never one of them.
const JOINING = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'if', 'in', 'of', 'on', 'or', 'so', 'that', 'the', 'then', 'this', 'to', 'when', 'where', 'which', 'while', 'with']);
const NEGATION = /\b(?:not|no|never|none|nor|without|n't|cannot|except|unless|only)\b/i;
const REPEAT_MAX_WORDS = 8;

/**
 * Paragraphs joined into one (or one split in two) where the words cut are said by the joined text anyway and the words
 * written are joining words or words cut: "With Privacy Mode off, if you use autocomplete…" folded under the paragraph
 * "If you keep Privacy Mode off, …" as "If you use autocomplete…". No negation may be cut or written.
 */
function repeatsDropped(diff: DiffSegment[], op: 'merged' | 'split', joined: string): boolean {
  const words = (side: 'insert' | 'delete'): string[] => changedText(diff, side).toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  // Joining drops the repeated words and may write joining ones; splitting writes them again and may drop joining ones.
  const repeated = words(op === 'merged' ? 'delete' : 'insert');
  const other = words(op === 'merged' ? 'insert' : 'delete');
  if (!repeated.length || repeated.length + other.length > REPEAT_MAX_WORDS || NEGATION.test([...repeated, ...other].join(' '))) return false;
  const joinedWords = new Set(joined.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []);
  return repeated.every((w) => JOINING.has(w) || joinedWords.has(w)) && other.every((w) => JOINING.has(w) || repeated.includes(w));
}

// A list's lead-in is looked for this many provisions back at most (past the list's other items).
const LEAD_LOOKBACK = 40;

/**
 * The paragraph that introduces a list item ("We use your personal information for these purposes:"): the nearest
 * paragraph before it under the same heading, when it ends with a colon; or the nearest item before it that ends with
 * one, which introduces a nested list ("1. Comply with applicable laws, for example, do not:").
 */
function leadIn(list: Provision[], index: number): string | undefined {
  if (list[index]?.kind !== 'list-item') return undefined;
  for (let i = index - 1; i >= 0 && i >= index - LEAD_LOOKBACK; i--) {
    const p = list[i];
    if (p.kind === 'list-item') {
      if (/:\s*$/.test(p.text)) return p.text;
      continue;
    }
    return p.kind === 'paragraph' && /:\s*$/.test(p.text) ? p.text : undefined;
  }
  return undefined;
}

/**
 * The paragraph that introduces the paragraphs after it under the same heading ("We may share your information in
 * these cases:" over "Service providers. We use companies that …"): the nearest paragraph before it, at most a few
 * back, that ends with a colon. A list item's is its lead-in (leadIn).
 */
function introOf(list: Provision[], index: number): string | undefined {
  const p = list[index];
  if (p?.kind !== 'paragraph') return undefined;
  for (let i = index - 1; i >= 0 && i >= index - INTRO_LOOKBACK; i--) {
    const q = list[i];
    if (q.kind === 'heading' || q.headingPath.length !== p.headingPath.length || q.headingPath[q.headingPath.length - 1] !== p.headingPath[p.headingPath.length - 1]) return undefined;
    if (/:\s*$/.test(q.text)) return q.text;
  }
  return undefined;
}
const INTRO_LOOKBACK = 8;

// A provision of this many words or more found word for word elsewhere in the other version was moved, not added/removed.
const MOVED_MIN_WORDS = 4;
// Navigation: at least this many consecutive short lines (a menu, a "related articles" list, help-centre questions).
const NAV_RUN = 3;
const NAV_MAX_WORDS = 9;

/**
 * A table's header row: its cells are the labels the next row quotes before its own ("Data | Purpose" before "Data:
 * Email address | Purpose: Login"). A table re-flowed into a list, or a list into a table, gains or loses it; the
 * words that matter stand in the rows.
 */
function isColumnLabels(list: Provision[], index: number): boolean {
  const p = list[index];
  const next = list[index + 1];
  if (p.kind !== 'table' || next?.kind !== 'table') return false;
  const first = p.text.split(' | ')[0];
  return first.length > 0 && next.text.startsWith(`${first}: `);
}

/** A short line that reads as a link label or a menu entry: few words, no sentence inside. */
function isShortLabel(p: Provision): boolean {
  if (p.kind === 'heading' || p.kind === 'table' || p.text.length > 80) return false;
  const words = p.text.split(/\s+/).filter(Boolean);
  return words.length <= NAV_MAX_WORDS && p.text.length <= 80 && !/[.;:,]\s|[.;:]$/.test(p.text);
}

/** Provisions in runs of short label-like lines: page navigation, not terms. */
function navigationLike(list: Provision[]): Set<number> {
  const nav = new Set<number>();
  let run: number[] = [];
  const close = (): void => {
    if (run.length >= NAV_RUN) for (const i of run) nav.add(i);
    run = [];
  };
  for (const p of list) {
    if (isShortLabel(p)) run.push(p.index);
    else close();
  }
  close();
  return nav;
}

// A short passage a page repeats (a teaser under each title, a banner, a footer line) is captured several times over;
// a clause is written once, or twice at most (a summary at the top restating a term). Counted on the cosmetic key, up to
// this many words.
const REPEATED_MAX_WORDS = 25;
const REPEATED_MIN = 3;
// Twenty-five words are seldom longer than this: longer texts are not counted at all.
const REPEATED_MAX_CHARS = 250;

/** The short provisions of `list` whose words stand at least three times in it and never in `other`. */
function repeatedChrome(list: Provision[], other: Provision[]): Set<number> {
  // Counted on the text as it is first (cheap): only a text found three times is keyed and looked for in the other.
  const count = new Map<string, number[]>();
  for (const p of list) {
    if (p.kind === 'heading' || p.text.length > REPEATED_MAX_CHARS) continue;
    const seen = count.get(p.text);
    if (seen) seen.push(p.index);
    else count.set(p.text, [p.index]);
  }
  const repeated = new Set<number>();
  let inOther: Set<string> | null = null;
  for (const [text, indexes] of count) {
    if (indexes.length < REPEATED_MIN || text.split(/\s+/).length > REPEATED_MAX_WORDS) continue;
    inOther ??= new Set(other.filter((p) => p.text.length <= REPEATED_MAX_CHARS).map((p) => cosmeticKey(p.text)));
    const key = cosmeticKey(text);
    if (key && !inOther.has(key)) for (const i of indexes) repeated.add(i);
  }
  return repeated;
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

// A change whose removed and added words (as bags) differ by at most this share is a re-flow of the same text (a table
// extracted as a list, paragraphs cut differently): its clauses whose words all stand on the other side are structure.
const REFLOW_MAX_DIFFERENCE = 0.15;
// Column labels that a table row repeats before each cell ("Purpose: ... | Legal basis: ...").
const CELL_LABEL = /(?:^|\| )[^|:]{1,40}: /g;

function bagOf(texts: string[], ignored: Set<string>): Map<string, number> {
  const bag = new Map<string, number>();
  for (const t of texts) for (const w of cosmeticKey(t).split(' ')) if (w && !ignored.has(w)) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

/**
 * Words of a table's column labels, which a re-flow drops or repeats: those a row quotes before its cells ("Purpose:
 * ... | Legal basis: ..."), and those of a header row ("Purpose | Data"). A row without labels is a header row where its
 * cells are labels other rows quote, or, where no row quotes any, where every cell is a few words; a row of values
 * ("| Account creation | Email address and phone number |") is not one, and its words must stand on the other side.
 */
function headerWords(clauses: ClauseChange[]): Set<string> {
  const words = new Set<string>();
  const labels = new Set<string>();
  const bare: string[] = [];
  for (const c of clauses) {
    for (const t of [c.before, c.after]) {
      if (!t) continue;
      if (t.includes(' | ') && !/: /.test(t)) bare.push(t);
      for (const m of t.matchAll(CELL_LABEL)) {
        const key = cosmeticKey(m[0]);
        if (key) labels.add(key);
        for (const w of key.split(' ')) if (w) words.add(w);
      }
    }
  }
  for (const row of bare) {
    const cells = row.split('|').map((cell) => cosmeticKey(cell)).filter(Boolean);
    const header = labels.size ? cells.every((cell) => labels.has(cell)) : cells.every((cell) => cell.split(' ').length <= HEADER_CELL_MAX_WORDS);
    if (header) for (const cell of cells) for (const w of cell.split(' ')) words.add(w);
  }
  return words;
}
const HEADER_CELL_MAX_WORDS = 3;

function removedSide(c: ClauseChange): string[] {
  if (c.op === 'removed') return [c.before ?? ''];
  return c.diff ? c.diff.filter((d) => d.op === 'delete').map((d) => d.text) : [];
}

function addedSide(c: ClauseChange): string[] {
  if (c.op === 'added') return [c.after ?? ''];
  return c.diff ? c.diff.filter((d) => d.op === 'insert').map((d) => d.text) : [];
}

function reflowed(clauses: ClauseChange[]): ClauseChange[] {
  const substantive = clauses.filter((c) => c.kind === 'substantive');
  if (substantive.length < 2) return clauses;
  // Column labels only count when a table is involved (a row cell "Label: value" or a header row "A | B").
  const ignored = substantive.some((c) => (c.before ?? '').includes(' | ') || (c.after ?? '').includes(' | ')) ? headerWords(substantive) : new Set<string>();
  const gone = bagOf(substantive.flatMap(removedSide), ignored);
  const come = bagOf(substantive.flatMap(addedSide), ignored);
  let total = 0;
  let difference = 0;
  for (const [w, n] of gone) {
    total += n;
    difference += Math.abs(n - (come.get(w) ?? 0));
  }
  for (const [w, n] of come) {
    total += n;
    if (!gone.has(w)) difference += n;
  }
  if (total > 0 && difference / total > REFLOW_MAX_DIFFERENCE) return clauses;
  const within = (texts: string[], other: Map<string, number>): boolean => [...bagOf(texts, ignored)].every(([w, n]) => (other.get(w) ?? 0) >= n);
  return clauses.map((c) =>
    c.kind === 'substantive' && within(removedSide(c), come) && within(addedSide(c), gone)
      ? { ...c, kind: 'structure', clauseTypes: [], severity: 'low', direction: 'neutral', reasons: [`re-flowed: the same words stand elsewhere in the new layout (structure)`], scoredType: undefined, decisive: undefined }
      : c,
  );
}

// A sentence that sends the reader to another notice, policy or page. A full stop followed by a letter (a web address)
// or after a one-letter word ("U.S. State Privacy Notice", "e.g. our") is inside the sentence, not its end.
const POINTER = /\b(?:see|visit|refer to|read|consult|available (?:at|in|on)|described in|set out in|explained in|can be found|find (?:out )?more|learn more)\b(?:[^.]|\.(?=\S)|(?<=(?:^|[\s.(])\w)\.){0,100}\b(?:notice|polic(?:y|ies)|page|statement|supplement|addendum|disclosure|help cent(?:er|re)|hub)\b/i;
const MOVED_NOTICE_MAX: Severity = 'medium';

interface Pointer {
  words: Set<string>;
  /** Where the pointer stands in the new version. */
  at: number;
}

/**
 * Where a removed passage stood, in the new version's numbering: between the new places of the nearest provisions
 * before and after it that were kept in place (identical or reworded). A provision added between those two stands
 * where the passage was.
 */
function placeInNew(indexes: number[], keptAt: Map<number, number>, beforeLength: number, afterLength: number): [number, number] {
  let from = -1;
  for (let i = Math.min(...indexes) - 1; i >= 0; i--) if (keptAt.has(i)) { from = keptAt.get(i) ?? -1; break; }
  let to = afterLength;
  for (let i = Math.max(...indexes) + 1; i < beforeLength; i++) if (keptAt.has(i)) { to = keptAt.get(i) ?? afterLength; break; }
  return [from, to];
}

/**
 * A section removed while the new version adds a pointer to a separate notice on the same subject (a word of the
 * section's heading), or puts such a pointer in the section's very place, moved to that notice: the rubric's "a
 * disclosure moved to a separate linked notice" (medium), not a disclosure (or a right) removed.
 */
function movedToNotice(sections: RemovedSection[], clauses: ClauseChange[], keptAt: Map<number, number>, beforeLength: number, afterLength: number): void {
  const pointers: Pointer[] = clauses.filter((c) => c.kind === 'substantive' && c.after && POINTER.test(c.after)).map((c) => ({ words: contentWords(c.after ?? ''), at: c.afterIndexes[0] }));
  if (!pointers.length) return;
  for (const s of sections) {
    const subject = [...contentWords(s.heading)].filter((w) => w.length >= 5);
    const [from, to] = placeInNew(s.indexes, keptAt, beforeLength, afterLength);
    const inPlace = pointers.some((p) => p.at > from && p.at < to);
    if (!inPlace && !pointers.some((p) => subject.some((w) => p.words.has(w)))) continue;
    for (const c of clauses) {
      if (c.op !== 'removed' || c.kind !== 'substantive' || !s.indexes.includes(c.beforeIndexes[0]) || severityRank(c.severity) <= severityRank(MOVED_NOTICE_MAX)) continue;
      c.severity = MOVED_NOTICE_MAX;
      c.reasons = [`moved the section “${s.heading}” to a separate notice the new version points to (${MOVED_NOTICE_MAX})`];
    }
  }
}

/** New index of each old provision kept in its place (identical or reworded, one to one). */
function keptInPlace(alignments: Alignment[]): Map<number, number> {
  const kept = new Map<number, number>();
  for (const a of alignments) if ((a.op === 'identical' || a.op === 'reworded') && a.before.length === 1 && a.after.length === 1) kept.set(a.before[0], a.after[0]);
  return kept;
}

/**
 * Per clause type that scored a substantive change, the most severe first: what the user can do, the rules engaged. A
 * change recorded before clauses named the type that scored (none of its clauses does) reads each clause's leading type.
 */
export function guidanceOf(clauses: readonly ClauseChange[]): ChangeGuidance[] {
  const byType = new Map<string, ChangeGuidance>();
  const named = clauses.some((c) => c.scoredType);
  for (const c of clauses) {
    const scored = named ? c.scoredType : c.clauseTypes[0];
    if (c.kind !== 'substantive' || !scored) continue;
    const info = clauseTypeById.get(scored);
    const seen = byType.get(scored);
    // The taxonomy's "other" terms carry nothing a reader can do: no card of its own.
    if (!info || !info.actions.length || (seen && severityRank(seen.severity) >= severityRank(c.severity))) continue;
    byType.set(scored, { type: info.id, label: info.label, severity: c.severity, direction: c.direction, actions: info.actions, regulations: info.regulations });
  }
  return [...byType.values()].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}

/** Compares two versions' Markdown: change kind, severity, reasons, a summary and one record per changed clause. */
export function analyzeChange(beforeMarkdown: string, afterMarkdown: string, split?: { before: Provision[]; after: Provision[] }): ChangeAnalysis {
  clearClassifyCache();
  clearCosmeticKeys();
  // A caller that split the texts already (the capture planner) passes their provisions: `splitProvisions` of the same texts.
  const before = split?.before ?? splitProvisions(beforeMarkdown);
  const after = split?.after ?? splitProvisions(afterMarkdown);
  const beforeKey = lazy(() => joinedSearchKey(before.map((p) => p.text)));
  const afterKey = lazy(() => joinedSearchKey(after.map((p) => p.text)));
  const ctx: Context = {
    headings: headingKeys(before, after),
    beforeKey,
    afterKey,
    inBefore: rememberedSearch(beforeKey),
    inAfter: rememberedSearch(afterKey),
    matchesBefore: rememberedMatch(beforeKey),
    matchesAfter: rememberedMatch(afterKey),
    navBefore: navigationLike(before),
    navAfter: navigationLike(after),
    repeatedBefore: lazy(() => repeatedChrome(before, after)),
    repeatedAfter: lazy(() => repeatedChrome(after, before)),
    addedWords: () => [],
    removedWords: () => [],
  };
  const alignments = alignProvisions(before, after);
  const changed = alignments.filter((a) => a.op !== 'identical' || headingChanged(a, before, after));
  ctx.addedWords = lazy(() => changed.filter((a) => a.op === 'added').map((a) => provisionOf(joined(after, a.after) ?? '')));
  ctx.removedWords = lazy(() => changed.filter((a) => a.op === 'removed').map((a) => provisionOf(joined(before, a.before) ?? '')));
  const clauses = reflowed(changed.map((a) => clauseChange(a, before, after, ctx)));

  let kind: ChangeKind = beforeMarkdown === afterMarkdown ? 'none' : 'cosmetic';
  for (const c of clauses) kind = maxKind(kind, c.kind);

  const sections = removedSections(before, clauses);
  movedToNotice(sections, clauses, keptInPlace(alignments), before.length, after.length);
  markPartyChange(beforeMarkdown, afterMarkdown, clauses);
  let severity: Severity = kind === 'none' || kind === 'cosmetic' ? 'none' : 'low';
  for (const c of clauses) if (c.kind === 'substantive') severity = maxSeverity(severity, c.severity);

  const inSection = new Set(sections.flatMap((s) => s.indexes));
  const sectionReasons = sections.map((s) => {
    const members = clauses.filter((c) => c.op === 'removed' && c.kind === 'substantive' && s.indexes.includes(c.beforeIndexes[0]));
    const top = members.sort((x, y) => severityRank(y.severity) - severityRank(x.severity))[0];
    const topic = top?.clauseTypes[0] ? clauseTypeById.get(top.clauseTypes[0])?.topic : undefined;
    const moved = top?.reasons.find((r) => r.startsWith('moved the section'));
    if (moved) return { rank: severityRank(top.severity), text: moved };
    return { rank: top ? severityRank(top.severity) : 1, text: `removed the section “${s.heading}”${topic ? ` describing ${topic}` : ''} (${top?.severity ?? 'low'})` };
  });
  const clauseReasons = clauses
    .filter((c) => !(c.op === 'removed' && inSection.has(c.beforeIndexes[0])))
    .filter((c) => c.kind !== 'cosmetic' || kind === 'cosmetic')
    .flatMap((c) => c.reasons.map((text) => ({ rank: severityRank(c.severity), text })));
  const reasons = [...new Set([...sectionReasons, ...clauseReasons].sort((x, y) => y.rank - x.rank).map((r) => r.text))].slice(0, MAX_REASONS);

  const analysis: ChangeAnalysis = { kind, severity, summary: '', reasons, clauses, guidance: guidanceOf(clauses) };
  analysis.summary = writeSummary(analysis, sections);
  return analysis;
}
