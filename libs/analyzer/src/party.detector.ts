import { ClauseChange } from './analyzer.types';
import { maxSeverity, severityRank } from './severity.scorer';

// The rubric's "a change of contracting party" (medium): the company the user contracts with, or that controls their
// data, is another one in the new version. Found from legal entities (a name before a company form) where a policy
// names its party: the entity defined as "we", the agreement between the user and it, the controller, the operator.

// Company forms, as pattern sources: one list for the entity and for the first look.
const FORMS = String.raw`Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Limited|GmbH|AG|S\.A\.S\.?|SAS|S\.A\.|SARL|S\.à r\.l\.|B\.V\.|N\.V\.|plc|PLC|Corp\.?|Corporation|S\.L\.|S\.r\.l\.|LLP|Pty Ltd`;
// One to five capitalised words on one line (a comma allowed before the form) and a company form.
const ENTITY = new RegExp(String.raw`\b((?:[A-Z][\w&'’.-]* ){0,4}[A-Z][\w&'’.-]*),? (${FORMS})(?![\w])`, 'g');
// A company form anywhere: without one in both versions there is no party to compare (a cheap first look).
const COMPANY_FORM = new RegExp(String.raw`\b(?:${FORMS})(?![\w])`);
// Before the entity: the agreement with it, or who runs the service.
const PARTY_BEFORE = /(?:between you and|agreement with|contract with|contracting with|operated by|provided by|offered by|published by|controlled by|controller is|controller of your (?:personal )?(?:data|information) is)\s+(?:the\s+)?$/i;
// After the entity: defined as "we" (with its short name first, often), or named the controller.
const PARTY_AFTER = /^\s*(?:\(|,)?[^)]{0,60}?[“"‘'](?:we|us|our)[”"’']|^\s*,?\s*(?:is|acts as|will be|remains)\s+(?:the\s+)?(?:data\s+)?controller\b/i;

interface Party {
  /** The name as written, company form included. */
  text: string;
  /** Lower-cased name words, company form and punctuation dropped: "open collective". */
  key: string;
  /** The same with its company form: "open collective inc". */
  full: string;
}

const normal = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}\s]+/gu, ' ').replace(/\s+/g, ' ').trim();

function partiesOf(text: string): Party[] {
  const found = new Map<string, Party>();
  for (const m of text.matchAll(ENTITY)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    if (!PARTY_BEFORE.test(text.slice(Math.max(0, at - 80), at)) && !PARTY_AFTER.test(text.slice(end, end + 80))) continue;
    const key = normal(m[1]);
    if (key && !found.has(key)) found.set(key, { text: m[0].replace(/\s+/g, ' '), key, full: normal(m[0]) });
  }
  return [...found.values()];
}

const wordsOf = (key: string): string[] => key.split(' ').filter((w) => w.length >= 3);
// Markdown emphasis ("**Example LLC** (“**we**”)") hides the quotes and words around a name.
const plain = (text: string): string => text.replace(/[*_]+/g, '');

/**
 * Marks the clause that names a new contracting party, where the old version's party is gone from the new one: the
 * change weighs medium there (type `other`). A party renamed in part ("Example Inc." → "Example Group Ltd.") shares a
 * word and is a rename (low, as the clauses' own changes say).
 */
export function markPartyChange(beforeMarkdown: string, afterMarkdown: string, clauses: ClauseChange[]): void {
  if (!COMPANY_FORM.test(beforeMarkdown) || !COMPANY_FORM.test(afterMarkdown)) return;
  const plainBefore = plain(beforeMarkdown);
  const plainAfter = plain(afterMarkdown);
  const was = partiesOf(plainBefore);
  const now = partiesOf(plainAfter);
  if (!was.length || !now.length) return;
  // Gone: the company (with its form) is named nowhere in the new version, though its brand may stay ("Open Collective,
  // Inc." → "OFi Technologies LLC", which runs the Open Collective platform).
  const beforeText = normal(plainBefore);
  const afterText = normal(plainAfter);
  const gone = was.filter((p) => !now.some((n) => n.key === p.key) && !afterText.includes(p.full));
  const come = now.filter((p) => !was.some((w) => w.key === p.key) && !beforeText.includes(p.full));
  // A party that shares a word of its name with the one gone is the same company renamed.
  const candidates = gone.flatMap((g) => come.map((c) => [g, c] as const));
  const renamed = ([g, c]: readonly [Party, Party]): boolean => wordsOf(c.key).some((w) => wordsOf(g.key).includes(w));
  const pairs = candidates.filter((pair) => !renamed(pair));
  if (!pairs.length) {
    const rename = candidates.find(renamed);
    if (rename) markRename(rename[0], rename[1], clauses);
    return;
  }
  const [from, to] = pairs[0];
  const clause = clauses.find((c) => namesParty(c, to));
  if (!clause) return;
  const severity = maxSeverity(clause.severity, 'medium');
  const scores = severityRank(severity) > severityRank(clause.severity);
  clause.reasons.unshift(`changed who you contract with or who controls your data: “${from.text}” → “${to.text}” (medium)`);
  clause.severity = severity;
  clause.clauseTypes = scores ? ['other', ...clause.clauseTypes.filter((t) => t !== 'other')] : [...new Set([...clause.clauseTypes, 'other'])];
  if (scores) {
    clause.scoredType = 'other';
    clause.decisive = to.text;
    clause.direction = 'neutral';
  }
}

/** A substantive clause of the new version that names the party. */
function namesParty(clause: ClauseChange, party: Party): boolean {
  return clause.kind === 'substantive' && clause.op !== 'removed' && plain(clause.after ?? '').replace(/\s+/g, ' ').includes(party.text);
}

/**
 * The party renamed ("Proton Technologies AG" → "Proton AG"): the taxonomy's "other" terms, low. A clause whose only
 * change is the name is about the rename, whatever else its words are about; one with other changes keeps its reading
 * and is shown with the rename too.
 */
function markRename(from: Party, to: Party, clauses: ClauseChange[]): void {
  const names = new Set([...normal(from.text).split(' '), ...normal(to.text).split(' ')]);
  for (const clause of clauses) {
    if (!namesParty(clause, to)) continue;
    const reason = `renamed the company you contract with: “${from.text}” → “${to.text}” (low)`;
    const changed = (clause.diff ?? []).filter((d) => d.op !== 'equal').flatMap((d) => normal(d.text).split(' ').filter(Boolean));
    if (changed.length && changed.every((w) => names.has(w))) {
      clause.reasons = [reason];
      clause.severity = 'low';
      clause.direction = 'neutral';
      clause.scoredType = 'other';
      clause.clauseTypes = ['other', ...clause.clauseTypes.filter((t) => t !== 'other')];
      delete clause.decisive;
    } else {
      clause.reasons.push(reason);
      if (!clause.clauseTypes.includes('other')) clause.clauseTypes.push('other');
    }
  }
}
