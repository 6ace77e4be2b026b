import { Direction } from './analyzer.types';

// A number of days, months or years that changed inside a clause (a retention period, a notice period, an inactivity
// limit), in English, French, German or Spanish, with the direction that change has for the user.

// English, French, German, Spanish, and the units of Italian, Portuguese and Dutch (a number that moved is read there
// too, though their clauses are not).
const UNIT_DAYS: Array<[RegExp, number]> = [
  [/^(?:hours?|heures?|stunden?|horas?|or[ae]|uur)$/, 1 / 24],
  [/^(?:days?|jours?|tagen?|tage|d[ií]as?|giorn[oi]|dagen?)$/, 1],
  [/^(?:weeks?|semaines?|wochen?|semanas?|settiman[ae]|weken?)$/, 7],
  [/^(?:months?|mois|monaten?|monate|meses|mes|mes[ei]|maanden?)$/, 30],
  [/^(?:years?|ans?|ann[ée]es?|jahren?|jahre|a[ñn]os?|ann[oi]|jaren?|jaar)$/, 365],
];
const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, eighteen: 18, thirty: 30, sixty: 60, ninety: 90, un: 1, une: 1, deux: 2, trois: 3, douze: 12, ein: 1, einem: 1, zwei: 2, drei: 3, sechs: 6, zwölf: 12, uno: 1, una: 1, dos: 2, tres: 3, seis: 6, doce: 12 };
const UNITS = 'hours?|heures?|stunden?|horas?|or[ae]|uur|days?|jours?|tagen?|tage|d[ií]as?|giorn[oi]|dagen?|weeks?|semaines?|wochen?|semanas?|settiman[ae]|weken?|months?|mois|monaten?|monate|meses|mes|mes[ei]|maanden?|years?|ans?|ann[ée]es?|jahren?|jahre|a[ñn]os?|ann[oi]|jaren?|jaar';
const PERIOD = new RegExp(`\\b(\\d+|[a-zäöüéíñ]+)\\s*(?:\\((\\d+)\\)\\s*)?(${UNITS})\\b`, 'giu');

// Keeping data: a longer period is worse. A period the user is given (notice, a window to opt out or cancel): shorter is worse.
const KEEPING = /\b(?:keep\w*|kept|retain\w*|retention|stor\w+|delet\w+|inactiv\w*|eras\w+|conserv\w+|supprim\w+|speicher\w*|aufbewahr\w*|l[öo]sch\w*|selbstl[öo]sch\w*|selbstzerst[öo]r\w*|elimin\w+|borr\w+)/iu;
// A period given to opt out of arbitration (or to reject an arbitration agreement) belongs to how disputes are resolved.
const ARBITRATION = /\barbitra\w*|\bclass action\b|\bschieds\w*|\barbitraje\b/iu;

function givenType(context: string): 'dispute-resolution' | 'policy-changes' {
  return ARBITRATION.test(context) ? 'dispute-resolution' : 'policy-changes';
}

const GIVEN = /\b(?:notice|notif\w+|inform\w*|tell(?:s|ing)? you|let(?:s|ting)? you know|in advance|advance|cancel\w*|opt[- ]?out|refund\w*|withdraw\w*|appeal\w*|pr[ée]avis|r[ée]tractation|frist\w*|k[üu]ndig\w*|widerruf\w*|im voraus|benachrichtig\w*|aviso|antelaci[óo]n|desistimiento)\b/iu;

// A deadline the user must meet ("you must cancel at least 14 days before the renewal"): longer is worse for them. The
// user is the one acting, not the one told: "we will notify you 30 days before" gives a period, it sets no deadline.
const USER_DUTY_BEFORE = /\b(?:you|must|need|required|have to)\b(?<!\b(?:notify|notifies|inform|informs|tell|tells|give|gives|send|sends|email|remind|reminds|let) you)[^.;]{0,80}$/i;
const BEFORE_AFTER = /^\s*(?:\w+\s+){0,2}?(?:before|prior to|in advance|ahead of|avant|vor|antes)\b/i;
const MONEY_TERMS = /\b(?:cancel\w*|renew\w*|charg\w+|billing|billed|subscription|payment|refund\w*|r[ée]sili\w+|k[üu]ndig\w+)/i;

// A cap on what the platform owes ("shall not exceed the fees paid in the twelve months before the claim"): the period
// is the window of payments counted, so a shorter window (or one added where all payments counted) lowers the cap.
const LIABILITY_CAP = /\b(?:(?:shall|will|may|does|do) not exceed|not to exceed|in no event\b[^.;]{0,120}\bexceed|limited to|capped at|maximum (?:aggregate |total )?liability|(?:aggregate|total) liability\b[^.;]{0,80}\b(?:exceed|limited|greater of|amount)|ne (?:saurait|pourra|peut) (?:exc[ée]der|d[ée]passer)|begrenzt auf|no (?:exceder[áa]|superar[áa]))/iu;

export interface PeriodChange {
  /** The period before (null when the clause gained a period it did not state) and after (null when it lost one). */
  from: string | null;
  to: string | null;
  direction: Direction;
  /**
   * What the period governs, as a clause type: how long data is kept, a period given to the user (to opt out of
   * arbitration: dispute resolution), a payment deadline, or the window of payments a liability cap counts.
   */
  type: 'retention' | 'policy-changes' | 'dispute-resolution' | 'payment' | 'liability' | 'user-rights' | 'children' | 'eligibility' | null;
  /** The number that moved is an age limit (who may use the service, whose data is a child's). */
  age?: true;
  /** The number that moved is a sum of money (the amount a liability cap allows), not a period. */
  amount?: true;
}

const AGE_AFTER = /^\s*(?:old|of age|alt|de edad)\b/iu;
const AGE_BEFORE = /\b(?:age[ds]?|aged|âg[ée]e?s? de|ayant|mayor(?:es)? de|menor(?:es)? de|edad de|alter von|mindestalter(?: von)?)\s*(?:of\s*)?$/iu;

interface Period {
  text: string;
  days: number;
  /** The period is a deadline the user must meet before something happens. */
  userDeadline: boolean;
  /** The period is how often something may be done ("once every twelve months"). */
  frequency: boolean;
}

// How often: "once every twelve months", "twice a year", "no more than two times in any 12 months".
const FREQUENCY_BEFORE = /\b(?:once|twice|(?:one|two|three|\d+) times?)\s+(?:(?:in|per|every|each|a|within)\s+)(?:any\s+)?$/i;
// A right the user asks to use: a limit on how often it may be used narrows it.
const RIGHT_ASKED = /\b(?:you (?:can|may|have the right to|are entitled to)|request\w*|ask\w*|access|obtain|demander|verlangen|solicitar)\b/iu;

// A period needs a number: digits or a number word where a word starts (the same \b and flags as PERIOD).
const NUMBER_WORD = new RegExp(`\\b(?:${Object.keys(WORD_NUMBERS).join('|')})`, 'iu');
// A period that counts needs a number right before its unit: digits, "(30)", or a number word. PERIOD also matches
// words that end like a unit ("can", "times") and are then dropped, so it is run only where such a number stands (the
// same flags as PERIOD: a text without one yields no period).
const NUMBER_THEN_UNIT = new RegExp(`(?:\\d|\\)|${Object.keys(WORD_NUMBERS).join('|')})\\s*(?:${UNITS})\\b`, 'iu');

function periods(text: string): Period[] {
  const out: Period[] = [];
  // Most clauses hold no number at all: the period pattern, tried at every word, is not run on them.
  if ((!/\d/.test(text) && !NUMBER_WORD.test(text)) || !NUMBER_THEN_UNIT.test(text)) return out;
  for (const m of text.matchAll(PERIOD)) {
    const n = m[2] ? Number(m[2]) : /^\d+$/.test(m[1]) ? Number(m[1]) : WORD_NUMBERS[m[1].toLowerCase()];
    const unit = UNIT_DAYS.find(([re]) => re.test(m[3].toLowerCase()));
    if (n === undefined || !unit || Number.isNaN(n)) continue;
    const at = m.index ?? 0;
    // An age ("13 years old", "aged 16 years", "16 ans", "mayor de 18 años") is who may use the service, not a period.
    if (AGE_AFTER.test(text.slice(at + m[0].length, at + m[0].length + 12)) || AGE_BEFORE.test(text.slice(Math.max(0, at - 30), at))) continue;
    const userDeadline = BEFORE_AFTER.test(text.slice(at + m[0].length, at + m[0].length + 30)) && USER_DUTY_BEFORE.test(text.slice(Math.max(0, at - 80), at));
    const frequency = FREQUENCY_BEFORE.test(text.slice(Math.max(0, at - 40), at));
    out.push({ text: m[0], days: n * unit[1], userDeadline, frequency });
  }
  return out;
}

/** The first period that changed between two versions of a clause, or null when no number of days/months/years moved. */
export function periodChange(before: string, after: string, heading: string | null): PeriodChange | null {
  const was = periods(before);
  const now = periods(after);
  const gone = was.filter((p) => !now.some((q) => q.days === p.days));
  const come = now.filter((p) => !was.some((q) => q.days === p.days));
  if (!gone.length && !come.length) return ageLimitChange(before, after) ?? capAmountChange(before, after);
  if (!gone.length || !come.length) return deadlineToKeeping(gone[0] ?? null, come[0] ?? null, before, after) ?? limitChange(gone[0] ?? null, come[0] ?? null, come.length ? after : before);
  const from = gone[0];
  const to = come[0];
  const context = `${heading ?? ''} ${after}`;
  const keeping = KEEPING.test(context);
  const given = GIVEN.test(context);
  const longer = to.days > from.days;
  if (LIABILITY_CAP.test(after) && LIABILITY_CAP.test(before)) return { from: from.text, to: to.text, direction: longer ? 'better' : 'worse', type: 'liability' };
  if (to.userDeadline) return { from: from.text, to: to.text, direction: longer ? 'worse' : 'better', type: MONEY_TERMS.test(context) ? 'payment' : null };
  // A right usable once per period: a longer period is a narrower right.
  if (to.frequency && from.frequency && RIGHT_ASKED.test(after)) return { from: from.text, to: to.text, direction: longer ? 'worse' : 'better', type: 'user-rights' };
  let direction: Direction = 'neutral';
  if (keeping && !given) direction = longer ? 'worse' : 'better';
  else if (given && !keeping) direction = longer ? 'better' : 'worse';
  return { from: from.text, to: to.text, direction, type: keeping && !given ? 'retention' : given && !keeping ? givenType(context) : null };
}

/**
 * A period a clause gained (from null) or lost (to null): a limit stated or dropped. A limit on keeping data or a notice
 * period protects the user (dropping it is worse: data kept with no end, a notice no longer promised); a deadline the
 * user must meet, or a window that narrows a liability cap, burdens them. Other periods say too little to judge.
 */
function limitChange(from: Period | null, to: Period | null, text: string): PeriodChange | null {
  const added = to !== null;
  const period = (to ?? from) as Period;
  const texts = { from: from?.text ?? null, to: to?.text ?? null };
  // Judged on the period's own sentence: a clause on usernames that also asks you to keep your password is no retention.
  const context = sentenceAround(text, period.text);
  // A cap first: "the fees you paid in the three months before the claim" reads like a deadline but counts payments.
  if (LIABILITY_CAP.test(context)) return { ...texts, direction: added ? 'worse' : 'better', type: 'liability' };
  if (period.userDeadline) return { ...texts, direction: added ? 'worse' : 'better', type: MONEY_TERMS.test(context) ? 'payment' : null };
  // A right limited to once per period ("you can request a copy once every twelve months" for "at any time") is narrowed.
  if (period.frequency && RIGHT_ASKED.test(context)) return { ...texts, direction: added ? 'worse' : 'better', type: 'user-rights' };
  // Only where a stated period can only be a limit: how long data is kept (not when it is deleted: "deleted after 3
  // years" is a delay) and notice given in advance (not a window to cancel or appeal, which may grant or restrict).
  const keeping = DATA_KEEPING.test(context) && !DATA_DELETING.test(context);
  const notice = NOTICE.test(context);
  if (keeping === notice) return null;
  return { ...texts, direction: added ? 'better' : 'worse', type: keeping ? 'retention' : givenType(context) };
}

// An age limit: "under the age of 14", "at least 16 years old", "13 and up", "aged 18 or over", "14+" (and "moins de 15
// ans", "unter 16 Jahren", "menores de 14 años").
// Read around each number of one or two digits (a scan for the words first would try every position of the text).
const SMALL_NUMBER = /\b\d{1,2}\b/g;
const AGE_WORDS_BEFORE = /\b(?:under|below|younger than|over|older than|at least|minimum age(?: of| is)?|aged?|age of|moins de|plus de|unter|über|menores de|mayores de)\s+(?:the age of\s+)?$/i;
const AGE_WORDS_AFTER = /^\s*(?:\+|and (?:up|over|older)\b|years? (?:of age|old)\b|or older\b|ans\b|jahren?\b|a[ñn]os\b)/i;
const NOT_AN_AGE_AFTER = /^\s*(?:%|percent|days?|weeks?|months?|hours?|minutes?)\b/i;
const AGE_WORDS_REACH = 30;
const CHILD_CONTEXT = /\b(?:child\w*|minors?|kids?|teens?|teenagers?|parent\w*|guardians?|coppa|enfants?|mineurs?|kinder\w*|minderj[äa]hrig\w*|niñ[oa]s|menores)\b/iu;
const AGE_MIN = 6;
const DIGITS = /\d+/g;
const AGE_MAX = 25;

function ages(text: string): number[] {
  const found: number[] = [];
  SMALL_NUMBER.lastIndex = 0;
  for (let m = SMALL_NUMBER.exec(text); m; m = SMALL_NUMBER.exec(text)) {
    const n = Number(m[0]);
    if (n < AGE_MIN || n > AGE_MAX) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + AGE_WORDS_REACH);
    if (AGE_WORDS_AFTER.test(after) || (!NOT_AN_AGE_AFTER.test(after) && AGE_WORDS_BEFORE.test(text.slice(Math.max(0, m.index - AGE_WORDS_REACH), m.index)))) found.push(n);
  }
  return found;
}

/**
 * An age limit that moved ("under the age of 14" → "under the age of 13"): a lower age lets younger people in (whose data
 * is then held as an adult's), worse; a higher one better. Children's privacy where the clause speaks of children,
 * parents or minors; else who may use the service.
 */
function ageLimitChange(before: string, after: string): PeriodChange | null {
  // No age moved where the two texts hold the same numbers (most clauses): the age patterns are not read.
  if ((before.match(DIGITS) ?? []).join(' ') === (after.match(DIGITS) ?? []).join(' ')) return null;
  const was = ages(before);
  const now = ages(after);
  const gone = [...new Set(was.filter((n) => !now.includes(n)))];
  const come = [...new Set(now.filter((n) => !was.includes(n)))];
  if (gone.length !== 1 || come.length !== 1) return null;
  const lowered = come[0] < gone[0];
  // Children's privacy: a lower age is worse, a higher one protects them. Who may use the service: a lower age lets
  // children in (worse), a higher one only narrows who may join (neutral, low).
  if (CHILD_CONTEXT.test(after)) return { from: String(gone[0]), to: String(come[0]), direction: lowered ? 'worse' : 'better', type: 'children', age: true };
  return { from: String(gone[0]), to: String(come[0]), direction: lowered ? 'worse' : 'neutral', type: 'eligibility', age: true };
}

// A sum of money: a currency sign or code before or after the number ("$100", "100 €", "EUR 100", "100 dollars").
const AMOUNT = /(?:[$€£]|\b(?:usd|eur|gbp|chf)\s?)(\d(?:[\d,.]*\d)?)|\b(\d(?:[\d,.]*\d)?)\s?(?:[€£]|\b(?:usd|eur|gbp|chf|dollars?|euros?|pounds?)\b)/giu;

const CURRENCY = /[$€£]|\b(?:usd|eur|gbp|chf|dollars?|euros?|pounds?)\b/i;

function amounts(text: string): Array<{ text: string; value: number }> {
  const out: Array<{ text: string; value: number }> = [];
  for (const m of text.matchAll(AMOUNT)) {
    const value = Number((m[1] ?? m[2]).replace(/[,.](?=\d{3}\b)/g, '').replace(',', '.'));
    if (!Number.isNaN(value)) out.push({ text: m[0].trim(), value });
  }
  return out;
}

// What the user pays: a price, a fee, a charge per period.
const PRICE = /\b(?:costs?|prices?|priced|fees?|charges?|charged|pay|pays|paid|per (?:month|year|week)|monthly|annual(?:ly)?|yearly|subscription|prix|tarifs?|frais|preis\w*|geb[üu]hr\w*|precios?|tarifas?|cuotas?)\b/iu;

/**
 * A sum of money that moved: the amount a liability cap allows (a lower cap is worse for the user) or a price the user
 * pays (a higher one is worse).
 */
function capAmountChange(before: string, after: string): PeriodChange | null {
  // Most clauses name no sum: the amount pattern (tried at every number) runs only where a currency is named, and the
  // context patterns only where both versions hold a sum.
  if (!CURRENCY.test(before) || !CURRENCY.test(after)) return null;
  const was = amounts(before);
  const now = was.length ? amounts(after) : [];
  if (!now.length) return null;
  const from = was.find((a) => !now.some((b) => b.value === a.value));
  const to = now.find((b) => !was.some((a) => a.value === b.value));
  if (!from || !to) return null;
  const higher = to.value > from.value;
  if (LIABILITY_CAP.test(before) && LIABILITY_CAP.test(after)) return { from: from.text, to: to.text, direction: higher ? 'better' : 'worse', type: 'liability', amount: true };
  if (PRICE.test(sentenceAround(before, from.text)) && PRICE.test(sentenceAround(after, to.text))) return { from: from.text, to: to.text, direction: higher ? 'worse' : 'better', type: 'payment', amount: true };
  return null;
}

/**
 * A deadline for deleting data ("we delete it after 12 months") that became keeping it with no period ("we keep it"):
 * the limit on keeping the data was dropped (worse); the other way round, a limit was set (better).
 */
function deadlineToKeeping(from: Period | null, to: Period | null, before: string, after: string): PeriodChange | null {
  const period = (from ?? to) as Period;
  const [withPeriod, without] = from ? [before, after] : [after, before];
  if (!DATA_DELETING.test(sentenceAround(withPeriod, period.text)) || !DATA_KEEPING.test(without) || DATA_DELETING.test(without)) return null;
  return { from: from?.text ?? null, to: to?.text ?? null, direction: from ? 'worse' : 'better', type: 'retention' };
}

// Keeping data, as the act of the sentence (not an account left inactive): a limit on it is a retention period.
const DATA_KEEPING = /\b(?:keep|keeps|kept|retain\w*|retention|stor(?:e|es|ed|age)|conserv\w+|speicher\w*|gespeichert|aufbewahr\w*|almacen\w+)\b/iu;
const DATA_DELETING = /\b(?:delet\w+|eras\w+|purg\w+|supprim\w+|effac\w+|l[öo]sch\w*|borr\w+|elimin\w+)/iu;
const NOTICE = /\b(?:notice|in advance|advance|pr[ée]avis|vorank[üu]ndig\w*|aviso|antelaci[óo]n)\b/iu;

function sentenceAround(text: string, part: string): string {
  const at = text.indexOf(part);
  if (at < 0) return text;
  const start = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('; ', at)) + 1;
  const ends = ['. ', '; '].map((b) => text.indexOf(b, at)).filter((i) => i >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) + 1 : text.length);
}
