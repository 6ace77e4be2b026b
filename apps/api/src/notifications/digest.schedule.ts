/**
 * When weekly digests go out: on the subscriber's digest day at 08:00 in their time zone, DST-correct.
 * Pure functions (no clock, no database), tested table-driven in digest.schedule.spec.ts.
 */

export const DIGEST_HOUR = 8;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' });
    formatters.set(timezone, format);
  }
  return format;
}

/** A valid IANA zone name, else UTC (a bad stored value must not stop anyone's digest). */
export function validZone(timezone: string): string {
  try {
    formatter(timezone);
    return timezone;
  } catch {
    return 'UTC';
  }
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

export function localTime(instant: Date, timezone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatter(timezone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday],
  };
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function offsetAt(instant: number, timezone: string): number {
  const t = localTime(new Date(instant), timezone);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant a local wall-clock time happens in the zone (a time skipped by DST moves forward by the gap). */
export function zonedInstant(year: number, month: number, day: number, hour: number, timezone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  let guess = wall - offsetAt(wall, timezone);
  const second = wall - offsetAt(guess, timezone);
  if (second !== guess) guess = Math.max(guess, second);
  return new Date(guess);
}

/** The latest digest slot at or before `at`: the last `digestDay` (0 Sunday … 6 Saturday) at 08:00 local. */
export function latestDigestSlot(at: Date, timezone: string, digestDay: number, hour = DIGEST_HOUR): Date {
  const zone = validZone(timezone);
  const local = localTime(at, zone);
  const back = (local.weekday - digestDay + 7) % 7;
  for (const extra of [0, 7]) {
    const date = new Date(Date.UTC(local.year, local.month - 1, local.day - back - extra));
    const slot = zonedInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, zone);
    if (slot.getTime() <= at.getTime()) return slot;
  }
  throw new Error('unreachable: a slot a week earlier is always in the past');
}

/** The next digest slot strictly after `after`. */
export function nextDigestSlot(after: Date, timezone: string, digestDay: number, hour = DIGEST_HOUR): Date {
  const zone = validZone(timezone);
  const latest = latestDigestSlot(after, zone, digestDay, hour);
  const local = localTime(new Date(latest.getTime() + DAY_MS / 2), zone);
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day + 7));
  return zonedInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, zone);
}

/**
 * The ISO week (`2026-W10`) of the slot's local date: the unique key of a subscriber's digest. A
 * subscriber who changes time zone or digest day mid-week lands in the same week and gets no second one.
 */
export function digestWeekKey(slot: Date, timezone: string): string {
  const local = localTime(slot, validZone(timezone));
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  date.setUTCDate(date.getUTCDate() - weekday + 3); // the Thursday of this ISO week
  const isoYear = date.getUTCFullYear();
  const week = 1 + Math.floor((date.getTime() - Date.UTC(isoYear, 0, 1)) / DAY_MS / 7);
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/**
 * The digest a subscriber is owed at `at`, if any: the latest slot (not before they subscribed),
 * its week key, and the period it covers (from the end of their previous digest when it is recent,
 * else the 7 days before the slot). `DigestsRepository.owePage` applies this same rule to a whole page
 * of subscribers in SQL, with the slot and week key computed here once per (time zone, digest day).
 */
export function dueDigest(
  at: Date,
  subscriber: { timezone: string; digestDay: number; createdAt: Date; lastPeriodEnd: Date | null },
): { slot: Date; weekKey: string; periodStart: Date; periodEnd: Date } | null {
  const slot = latestDigestSlot(at, subscriber.timezone, subscriber.digestDay);
  if (slot.getTime() < subscriber.createdAt.getTime()) return null;
  if (subscriber.lastPeriodEnd && subscriber.lastPeriodEnd.getTime() >= slot.getTime()) return null;
  const weekAgo = slot.getTime() - 7 * DAY_MS;
  const recent = subscriber.lastPeriodEnd && subscriber.lastPeriodEnd.getTime() >= slot.getTime() - 14 * DAY_MS;
  const periodStart = new Date(recent ? subscriber.lastPeriodEnd!.getTime() : weekAgo);
  return { slot, weekKey: digestWeekKey(slot, subscriber.timezone), periodStart, periodEnd: slot };
}
