import { clauseTypeById, ClauseChange, guidanceOf, Severity, SEVERITY_ORDER } from '@clausewatch/analyzer';
import type { ChangeRow } from '@clausewatch/db';
import { elideUnchanged, RedlineSegment, redlineSegments, redlineText } from '../views/redline.view-model';

/** Clause changes shown in one email per change; the rest are counted and linked. */
export const MAX_CLAUSES_SHOWN = 8;

export function severityRank(severity: string): number {
  return Math.max(0, SEVERITY_ORDER.indexOf(severity as Severity));
}

/** A change record as an email needs it (read once, shared by every subscriber it goes to). */
export type ChangeForEmail = ChangeRow;

export interface SubscriberForEmail {
  email: string;
  unsubscribeToken: string;
  timezone: string;
  followedPlatformIds: string[];
  followedClauseTypes: string[];
}

export interface EmailLinks {
  publicUrl: string;
}

export interface ClauseView {
  severity: Severity;
  op: string;
  where: string;
  types: string;
  segments: RedlineSegment[];
  text: string;
}

export interface ChangeView {
  recordId: string;
  link: string;
  platform: string;
  document: string;
  severity: Severity;
  headline: string;
  summary: string[];
  clauses: ClauseView[];
  /** Substantive or structural clause changes in all, and how many are not shown. */
  clauseCount: number;
  moreCount: number;
  cosmeticCount: number;
  captured: string;
  actions: Array<{ label: string; actions: string[]; regulations: string[] }>;
}

const OP_VERBS: Record<string, string> = { added: 'added', removed: 'removed', reworded: 'changed', moved: 'moved', split: 'reorganised', merged: 'reorganised' };

/** The change's clauses that matter, most severe first (document order among equals), cosmetic ones left out. */
export function significantClauses(clauses: ClauseChange[]): ClauseChange[] {
  return clauses
    .map((clause, index) => ({ clause, index }))
    .filter(({ clause }) => clause.kind !== 'cosmetic' && clause.severity !== 'none')
    .sort((a, b) => severityRank(b.clause.severity) - severityRank(a.clause.severity) || a.index - b.index)
    .map(({ clause }) => clause);
}

/** A label as it reads inside a sentence: "Arbitration" → "arbitration", but an acronym ("AI training") keeps its capitals. */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Lu}/u.test(label) ? label : `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/** "arbitration opt-out window added": what happened to the most severe clause, in a few words. */
export function headlineOf(change: ChangeForEmail): string {
  const [top] = significantClauses(change.clauses);
  if (!top) return `${change.kind} change`;
  const type = top.clauseTypes[0] ? clauseTypeById.get(top.clauseTypes[0]) : undefined;
  const heading = top.headingPath[top.headingPath.length - 1]?.replace(/^[\d.\s]+/, '').trim();
  const subject = type?.label ?? heading ?? 'a clause';
  // A subject that is itself a change ("Policy changes") takes a noun before the verb: "policy changes clause changed".
  const noun = /\bchanges?$/i.test(subject) ? ' clause' : '';
  return `${inSentence(subject)}${noun} ${OP_VERBS[top.op] ?? 'changed'}`;
}

export function subjectFor(changes: ChangeForEmail[]): string {
  const [first] = changes;
  const top = changes.reduce((a, b) => (severityRank(b.severity) > severityRank(a.severity) ? b : a), first);
  const more = changes.length > 1 ? ` (and ${changes.length - 1} more change${changes.length > 2 ? 's' : ''})` : '';
  return `[${top.severity}] ${top.platformName} ${top.documentTitle}: ${headlineOf(top)}${more}`.replace(/[\r\n]+/g, ' ');
}

/** The lead of a summary that ends at its colon: its kind and severity ("Substantive change, severity high:"). */
const SUMMARY_LEAD = /^(?:substantive change, severity \w+|cosmetic change only \([^)]*\)|structure only):$/i;

/**
 * The analyzer's summary as short sentences: split at sentence ends outside quotes, and after the kind-and-severity
 * lead. A colon elsewhere introduces the quote of a change ("Added in “Terms”: “…”") and stays in its sentence.
 */
export function summarySentences(summary: string): string[] {
  const sentences: string[] = [];
  let current = '';
  let depth = 0;
  for (let i = 0; i < summary.length; i++) {
    const ch = summary[i];
    current += ch;
    if (ch === '“') depth++;
    else if (ch === '”') depth = Math.max(0, depth - 1);
    else if ((ch === '.' || (ch === ':' && SUMMARY_LEAD.test(current.trim()))) && depth === 0 && /\s/.test(summary[i + 1] ?? ' ')) {
      const sentence = current.trim().replace(/:$/, '.');
      if (sentence) sentences.push(sentence);
      current = '';
    }
  }
  if (current.trim()) sentences.push(current.trim());
  return sentences.map((s) => s.charAt(0).toUpperCase() + s.slice(1));
}

const dateFormats = new Map<string, { date: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }>();

/** A date and time in the reader's time zone, e.g. "2 Dec 2026, 09:14 CET" (zone names as people know them). */
export function formatInZone(date: Date, timezone: string): string {
  let formats = dateFormats.get(timezone);
  if (!formats) {
    try {
      formats = {
        date: new Intl.DateTimeFormat('en-GB', { timeZone: timezone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
        zone: new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'short' }),
      };
    } catch {
      return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    }
    dateFormats.set(timezone, formats);
  }
  const zone = formats.zone.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? timezone;
  return `${formats.date.format(date)} ${zone}`;
}

export function changeView(change: ChangeForEmail, links: EmailLinks, timezone: string): ChangeView {
  const significant = significantClauses(change.clauses);
  const shown = significant.slice(0, MAX_CLAUSES_SHOWN);
  return {
    recordId: change.recordId,
    link: `${links.publicUrl}/r/${change.recordId}`,
    platform: change.platformName,
    document: change.documentTitle,
    severity: change.severity,
    headline: headlineOf(change),
    summary: summarySentences(change.summary),
    clauses: shown.map((clause) => {
      const segments = elideUnchanged(clause.diff?.length ? clause.diff : redlineSegments(clause.before, clause.after));
      return {
        severity: clause.severity,
        op: OP_VERBS[clause.op] ?? clause.op,
        where: clause.headingPath.join(' › '),
        types: clause.clauseTypes.map((t) => clauseTypeById.get(t)?.label ?? t).join(', '),
        segments,
        text: redlineText(segments),
      };
    }),
    clauseCount: significant.length,
    moreCount: significant.length - shown.length,
    cosmeticCount: change.clauses.length - significant.length,
    captured: formatInZone(change.capturedAt, timezone),
    // Per type that set a clause's severity, most severe first (as on the change's page), not every type a clause names.
    actions: guidanceOf(change.clauses).map((g) => ({ label: g.label, actions: g.actions, regulations: g.regulations })),
  };
}

/** Why this subscriber got this change: the follow that matched. */
export function whyReceived(change: ChangeForEmail, subscriber: SubscriberForEmail): string {
  if (subscriber.followedPlatformIds.includes(change.platformId)) return `you follow ${change.platformName}`;
  const type = change.clauseTypes.find((t) => subscriber.followedClauseTypes.includes(t));
  if (type) return `you follow the clause type “${clauseTypeById.get(type)?.label ?? type}” on every platform`;
  return 'you follow this platform';
}

export interface AlertView {
  subject: string;
  changes: Array<ChangeView & { why: string }>;
  preferencesUrl: string;
  unsubscribeUrl: string;
  platformUnsubscribeUrl: string;
}

export function alertView(changes: ChangeForEmail[], subscriber: SubscriberForEmail, links: EmailLinks): AlertView {
  const ordered = [...changes].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.capturedAt.getTime() - b.capturedAt.getTime());
  const unsubscribeUrl = `${links.publicUrl}/api/v1/unsubscribe/${subscriber.unsubscribeToken}`;
  return {
    subject: subjectFor(ordered),
    changes: ordered.map((c) => ({ ...changeView(c, links, subscriber.timezone), why: whyReceived(c, subscriber) })),
    preferencesUrl: `${links.publicUrl}/account`,
    unsubscribeUrl,
    platformUnsubscribeUrl: `${unsubscribeUrl}?platform=${ordered[0]?.platformId ?? ''}`,
  };
}

export interface MonitoredDocument {
  documentId: string;
  platformName: string;
  title: string;
  lastVerifiedAt: Date | null;
  checksInPeriod: number;
  failing: boolean;
  cause: string | null;
}

export interface DigestEntryView {
  recordId: string;
  link: string;
  document: string;
  severity: Severity;
  headline: string;
  summary: string[];
  captured: string;
}

/** One change as a digest lists it: the headline, its first sentences (not the severity sentence), a link. */
export function digestEntryView(c: ChangeForEmail, timezone: string, links: EmailLinks): DigestEntryView {
  const sentences = summarySentences(c.summary);
  if (/^(substantive|structural|structure|cosmetic)\b.*\bchange\b.*severity/i.test(sentences[0] ?? '')) sentences.shift();
  // The count of changed clauses says less than the first change itself, which the next sentence quotes.
  if (/^\d+ clauses? changed\.$/.test(sentences[0] ?? '') && sentences.length > 1) sentences.shift();
  return {
    recordId: c.recordId,
    link: `${links.publicUrl}/r/${c.recordId}`,
    document: c.documentTitle,
    severity: c.severity,
    headline: headlineOf(c),
    summary: sentences.slice(0, 1),
    captured: formatInZone(c.capturedAt, timezone),
  };
}

/** A digest entry rendered once per change and time zone, shared by every digest that lists it. */
export interface RenderedEntry {
  html: string;
  text: string;
}

export interface DigestView {
  subject: string;
  period: string;
  quiet: boolean;
  changeCount: number;
  platforms: Array<{ name: string; severity: Severity; changes: RenderedEntry[] }>;
  /** Each followed document's line, rendered once per document, period and time zone and shared. */
  monitoring: { documentsChecked: number; documents: RenderedEntry[]; failingCount: number };
  preferencesUrl: string;
  unsubscribeUrl: string;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function formatDay(date: Date, timezone: string): string {
  let format = dayFormats.get(timezone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, day: 'numeric', month: 'short', year: 'numeric' });
    } catch {
      format = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
    }
    dayFormats.set(timezone, format);
  }
  return format.format(date);
}

/** Platform names in the order people expect (as `localeCompare`, without building a collator per call). */
const byName = new Intl.Collator();

const periodTexts = new Map<string, string>();

/** "2 Feb 2026 – 9 Feb 2026" in the reader's time zone (the end is exclusive); a digest week shares it. */
function formatPeriod(period: { start: Date; end: Date }, timezone: string): string {
  const key = `${period.start.getTime()}|${period.end.getTime()}|${timezone}`;
  let text = periodTexts.get(key);
  if (text === undefined) {
    text = `${formatDay(period.start, timezone)} – ${formatDay(new Date(period.end.getTime() - 1), timezone)}`;
    if (periodTexts.size > 1000) periodTexts.clear();
    periodTexts.set(key, text);
  }
  return text;
}

export interface DigestDocumentView {
  platform: string;
  title: string;
  lastVerified: string;
  failing: boolean;
  cause: string | null;
}

/** One followed document in the digest's proof of monitoring, in the reader's time zone. */
export function digestDocumentView(d: MonitoredDocument, timezone: string): DigestDocumentView {
  return { platform: d.platformName, title: d.title, lastVerified: d.lastVerifiedAt ? formatInZone(d.lastVerifiedAt, timezone) : 'never', failing: d.failing, cause: d.cause };
}

/**
 * The weekly digest: changes grouped by platform, most severe first; always the proof of monitoring.
 * Entries and document lines come pre-rendered (`entry`, `document`): the same change or document
 * reads the same in every digest of a time zone, so each is rendered once, not once per reader.
 */
export function digestView(
  changes: ChangeForEmail[],
  documents: MonitoredDocument[],
  subscriber: SubscriberForEmail,
  period: { start: Date; end: Date },
  links: EmailLinks,
  entry: (change: ChangeForEmail) => RenderedEntry,
  document: (d: MonitoredDocument) => RenderedEntry,
): DigestView {
  const byPlatform = new Map<string, ChangeForEmail[]>();
  for (const change of changes) {
    const list = byPlatform.get(change.platformName);
    if (list) list.push(change);
    else byPlatform.set(change.platformName, [change]);
  }
  const platforms = [...byPlatform.entries()]
    .map(([name, list]) => {
      const sorted = list.length > 1 ? list.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.capturedAt.getTime() - b.capturedAt.getTime()) : list;
      return { name, severity: sorted[0].severity, rank: severityRank(sorted[0].severity), changes: sorted.map(entry) };
    })
    .sort((a, b) => b.rank - a.rank || byName.compare(a.name, b.name))
    .map(({ name, severity, changes }) => ({ name, severity, changes }));
  const failing = documents.filter((d) => d.failing);
  const periodText = formatPeriod(period, subscriber.timezone);
  const subject = changes.length
    ? `Your weekly Clausewatch digest: ${changes.length} change${changes.length > 1 ? 's' : ''} (${periodText})`
    : `Your weekly Clausewatch digest: no changes, ${documents.length} document${documents.length === 1 ? '' : 's'} monitored (${periodText})`;
  const unsubscribeUrl = `${links.publicUrl}/api/v1/unsubscribe/${subscriber.unsubscribeToken}`;
  return {
    subject: failing.length ? `${subject}, ${failing.length} failing` : subject,
    period: periodText,
    quiet: changes.length === 0,
    changeCount: changes.length,
    platforms,
    monitoring: {
      documentsChecked: documents.filter((d) => d.checksInPeriod > 0).length,
      documents: documents.map(document),
      failingCount: failing.length,
    },
    preferencesUrl: `${links.publicUrl}/account`,
    unsubscribeUrl,
  };
}

export interface MonitoringView {
  subject: string;
  recovered: boolean;
  platform: string;
  title: string;
  documentRecordId: string;
  link: string;
  since: string;
  cause: string | null;
  preferencesUrl: string;
  unsubscribeUrl: string;
}

export function monitoringView(
  notice: { recovered: boolean; platformName: string; title: string; documentRecordId: string; startedAt: Date; recoveredAt: Date | null; cause: string | null },
  subscriber: SubscriberForEmail,
  links: EmailLinks,
): MonitoringView {
  const what = `${notice.platformName} ${notice.title}`;
  return {
    subject: notice.recovered ? `[monitoring] ${what}: monitoring restored` : `[monitoring] ${what}: failing to check for 24 hours`,
    recovered: notice.recovered,
    platform: notice.platformName,
    title: notice.title,
    documentRecordId: notice.documentRecordId,
    link: `${links.publicUrl}/r/${notice.documentRecordId}`,
    since: formatInZone(notice.startedAt, subscriber.timezone),
    cause: notice.cause,
    preferencesUrl: `${links.publicUrl}/account`,
    unsubscribeUrl: `${links.publicUrl}/api/v1/unsubscribe/${subscriber.unsubscribeToken}`,
  };
}
