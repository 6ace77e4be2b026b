import { digestWeekKey, dueDigest, latestDigestSlot, nextDigestSlot, zonedInstant } from './digest.schedule';

const iso = (d: Date) => d.toISOString();

describe('digest schedule', () => {
  it.each([
    // zone, digest day, at, latest slot (UTC)
    ['UTC', 1, '2026-03-09T08:00:00Z', '2026-03-09T08:00:00.000Z'],
    ['UTC', 1, '2026-03-09T07:59:59Z', '2026-03-02T08:00:00.000Z'],
    // New York: EST (UTC-5) before 8 March 2026, EDT (UTC-4) after.
    ['America/New_York', 1, '2026-03-03T00:00:00Z', '2026-03-02T13:00:00.000Z'],
    ['America/New_York', 1, '2026-03-09T12:30:00Z', '2026-03-09T12:00:00.000Z'],
    ['America/New_York', 0, '2026-03-08T12:00:00Z', '2026-03-08T12:00:00.000Z'], // the DST day itself, 08:00 EDT
    ['America/New_York', 1, '2026-11-02T14:00:00Z', '2026-11-02T13:00:00.000Z'], // back to EST (UTC-5) on 1 Nov
    ['America/New_York', 0, '2026-11-01T12:30:00Z', '2026-10-25T12:00:00.000Z'], // 07:30 EST on the fall-back Sunday: not yet
    // Paris: CET (UTC+1) until 29 March 2026, CEST (UTC+2) after; back on 25 October.
    ['Europe/Paris', 1, '2026-03-30T06:00:00Z', '2026-03-30T06:00:00.000Z'],
    ['Europe/Paris', 1, '2026-03-30T05:59:00Z', '2026-03-23T07:00:00.000Z'],
    ['Europe/Paris', 0, '2026-03-29T06:00:00Z', '2026-03-29T06:00:00.000Z'], // 08:00 CEST on the spring-forward Sunday
    ['Europe/Paris', 0, '2026-10-25T07:00:00Z', '2026-10-25T07:00:00.000Z'], // 08:00 CET on the fall-back Sunday
    ['Asia/Tokyo', 1, '2026-03-08T23:00:00Z', '2026-03-08T23:00:00.000Z'], // Monday 08:00 JST is Sunday 23:00 UTC
    ['Not/AZone', 1, '2026-03-09T09:00:00Z', '2026-03-09T08:00:00.000Z'], // an unknown zone falls back to UTC
  ])('%s day %i at %s → %s', (zone, day, at, slot) => {
    expect(iso(latestDigestSlot(new Date(at), zone, day))).toBe(slot);
  });

  it.each([
    ['America/New_York', 1, '2026-03-02T13:00:00Z', '2026-03-09T12:00:00.000Z'], // a week of 167 hours across spring-forward
    ['America/New_York', 1, '2026-10-26T12:00:00Z', '2026-11-02T13:00:00.000Z'], // 169 hours across fall-back
    ['Europe/Paris', 1, '2026-03-23T07:00:00Z', '2026-03-30T06:00:00.000Z'],
    ['Europe/Paris', 1, '2026-10-19T06:00:00Z', '2026-10-26T07:00:00.000Z'],
  ])('%s: after %s the next slot is %s', (zone, day, after, next) => {
    expect(iso(nextDigestSlot(new Date(after), zone, day))).toBe(next);
  });

  it('maps local wall-clock times to instants around DST', () => {
    expect(iso(zonedInstant(2026, 3, 8, 8, 'America/New_York'))).toBe('2026-03-08T12:00:00.000Z');
    expect(iso(zonedInstant(2026, 3, 7, 8, 'America/New_York'))).toBe('2026-03-07T13:00:00.000Z');
    // 02:30 does not exist on 8 March in New York: it moves forward to 03:30 EDT.
    expect(iso(zonedInstant(2026, 3, 8, 2, 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
  });

  it.each([
    ['2026-01-01T08:00:00Z', 'UTC', '2026-W01'],
    ['2027-01-01T08:00:00Z', 'UTC', '2026-W53'],
    ['2026-03-08T23:00:00Z', 'Asia/Tokyo', '2026-W11'], // Monday 9 March in Tokyo
    ['2026-03-09T15:00:00Z', 'America/Los_Angeles', '2026-W11'], // Monday 9 March in Los Angeles
    ['2026-03-08T23:00:00Z', 'UTC', '2026-W10'], // still Sunday 8 March in UTC
  ])('week key of %s in %s is %s', (slot, zone, key) => {
    expect(digestWeekKey(new Date(slot), zone)).toBe(key);
  });

  it('owes one digest per week, covering the time since the previous one, even across a time zone change', () => {
    const createdAt = new Date('2026-01-01T00:00:00Z');
    const first = dueDigest(new Date('2026-03-09T00:00:00Z'), { timezone: 'Asia/Tokyo', digestDay: 1, createdAt, lastPeriodEnd: null })!;
    expect(first).toMatchObject({ weekKey: '2026-W11' });
    expect(iso(first.periodStart)).toBe('2026-03-01T23:00:00.000Z');
    // They move to Los Angeles: its Monday 08:00 of the same ISO week has the same key (the unique key refuses it).
    const moved = dueDigest(new Date('2026-03-09T16:00:00Z'), { timezone: 'America/Los_Angeles', digestDay: 1, createdAt, lastPeriodEnd: first.periodEnd })!;
    expect(moved.weekKey).toBe(first.weekKey);
    // The next week picks up exactly where the last digest ended: no gap, no overlap.
    const next = dueDigest(new Date('2026-03-16T16:00:00Z'), { timezone: 'America/Los_Angeles', digestDay: 1, createdAt, lastPeriodEnd: first.periodEnd })!;
    expect(next.weekKey).toBe('2026-W12');
    expect(iso(next.periodStart)).toBe(iso(first.periodEnd));
    expect(iso(next.periodEnd)).toBe('2026-03-16T15:00:00.000Z');
  });

  it('owes nothing for a slot before the subscriber joined or already covered', () => {
    expect(dueDigest(new Date('2026-03-09T09:00:00Z'), { timezone: 'UTC', digestDay: 1, createdAt: new Date('2026-03-09T08:30:00Z'), lastPeriodEnd: null })).toBeNull();
    expect(dueDigest(new Date('2026-03-09T09:00:00Z'), { timezone: 'UTC', digestDay: 1, createdAt: new Date('2026-01-01T00:00:00Z'), lastPeriodEnd: new Date('2026-03-09T08:00:00Z') })).toBeNull();
  });
});
