import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from '../testing/api-harness';
import { DeliveryService } from './delivery.service';
import { nextDigestSlot } from './digest.schedule';
import { DigestService } from './digest.service';
import { EmailComposer } from './email.composer';
import type { Email, EmailSender } from './email.sender';

const DAY_MS = 86_400_000;

/**
 * A digest's entries are finished exactly as the digest carried them: an entry committed after the
 * digest was rendered stays owed and goes in the next one, and entries owed long before a subscriber's
 * first digest go in it rather than staying pending for good. Real PostgreSQL, the real composer.
 */
describe('digest entries, delivered exactly once', () => {
  let api: ApiHarness;
  let dataSource: DataSource;
  let platformId: string;
  let documentId: string;
  /** Runs after the digests of a call were rendered and before they are handed over (when set). */
  let beforeHandOver: (() => Promise<void>) | null = null;
  const delivered: Email[] = [];

  const sender: EmailSender = {
    maxBatch: 100,
    async send(email) {
      return (await this.sendBatch([email], 'single'))[0];
    },
    async sendBatch(emails) {
      const hook = beforeHandOver;
      beforeHandOver = null;
      await hook?.();
      delivered.push(...emails);
      return emails.map((_, i) => ({ id: `msg-${delivered.length - emails.length + i}` }));
    },
  };

  /** A subscriber following the platform, digests on Mondays (UTC), enrolled at `createdAt`. */
  const subscriber = async (email: string, createdAt: Date): Promise<string> => {
    const [row] = await dataSource.query(
      `INSERT INTO subscribers (email, plan, unsubscribe_token, digest_day, created_at) VALUES ($1, 'free', md5($1), 1, $2) RETURNING id`,
      [email, createdAt],
    );
    await dataSource.query(`INSERT INTO follows (subscriber_id, platform_id) VALUES ($1, $2)`, [row.id, platformId]);
    return String(row.id);
  };

  let changes = 0;
  /** A change record of the document (a version pair and the record), returned with its public record ID. */
  const change = async (): Promise<{ id: string; recordId: string }> => {
    changes++;
    const [snapshot] = await dataSource.query(
      `INSERT INTO snapshots (raw_sha256, content_type, byte_size, body) VALUES (md5($1) || md5($1), 'text/html', 1, '\\x00') RETURNING id`,
      [`snapshot-${changes}`],
    );
    const version = async (tag: string) =>
      (
        await dataSource.query(
          `INSERT INTO versions (document_id, snapshot_id, raw_sha256, text_sha256, cosmetic_fingerprint, markdown, extractor_version, source_url, captured_at, fetcher)
           VALUES ($1, $2, repeat('a', 64), md5($3) || md5($3), $3, '# Terms', 'spec', 'https://example.com', now(), 'http') RETURNING id`,
          [documentId, snapshot.id, tag],
        )
      )[0].id;
    const [from, to] = [await version(`from-${changes}`), await version(`to-${changes}`)];
    const [row] = await dataSource.query(
      `INSERT INTO change_records (document_id, from_version_id, to_version_id, kind, severity, alert_eligible, summary, analyzer_version)
       VALUES ($1, $2, $3, 'substantive', 'high', true, $4, 'spec') RETURNING id, record_id`,
      [documentId, from, to, `Change number ${changes} to the terms.`],
    );
    return { id: String(row.id), recordId: row.record_id };
  };

  /** Owes the change to the subscriber's digest as a capture begun at `at` does (its transaction's start time). */
  const owe = (subscriberId: string, changeId: string, at: Date) =>
    dataSource.query(
      `INSERT INTO notifications (subscriber_id, change_record_id, channel, idempotency_key, created_at) VALUES ($1, $2, 'digest', $3, $4)`,
      [subscriberId, changeId, `cw-digest-${changeId}-${subscriberId}`, at],
    );

  const statusOf = async (subscriberId: string, changeId: string): Promise<{ status: string; last_error: string | null }> =>
    (await dataSource.query(`SELECT status, last_error FROM notifications WHERE subscriber_id = $1 AND change_record_id = $2 AND channel = 'digest'`, [subscriberId, changeId]))[0];

  const digestsTo = (email: string) => delivered.filter((e) => e.to === email);

  beforeAll(async () => {
    api = await startApi({}, { emailSender: sender });
    dataSource = api.app.get(DataSource);
    [{ id: platformId }] = await dataSource.query(`INSERT INTO platforms (slug, name) VALUES ('example', 'Example') RETURNING id::text AS id`);
    [{ id: documentId }] = await dataSource.query(
      `INSERT INTO documents (platform_id, title, type, sources) VALUES ($1, 'Terms of Service', 'terms-of-service', '[]') RETURNING id::text AS id`,
      [platformId],
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  it('leaves an entry committed after its digest was rendered owed, and the next digest carries it', async () => {
    const slot = nextDigestSlot(new Date(Date.now() + 60_000), 'UTC', 1);
    const reader = await subscriber('late@example.org', new Date());
    const onTime = await change();
    await owe(reader, onTime.id, new Date(slot.getTime() - DAY_MS));
    expect(await api.app.get(DigestService).buildDue(slot)).toMatchObject({ created: 1 });

    // A capture that began a minute before the week ended commits while the digest is being handed over:
    // its entry is of that week, but the email rendered before it existed does not list it.
    const late = await change();
    beforeHandOver = () => owe(reader, late.id, new Date(slot.getTime() - 60_000));
    expect(await api.app.get(DeliveryService).drain()).toBe(1);
    const [first] = digestsTo('late@example.org');
    expect(first.text).toContain(onTime.recordId);
    expect(first.text).not.toContain(late.recordId);
    expect(await statusOf(reader, onTime.id)).toEqual({ status: 'sent', last_error: null });
    expect(await statusOf(reader, late.id)).toEqual({ status: 'pending', last_error: null });

    // The next week's digest carries it (and not the entry already sent), and then it is sent.
    expect(await api.app.get(DigestService).buildDue(new Date(slot.getTime() + 7 * DAY_MS))).toMatchObject({ created: 1 });
    expect(await api.app.get(DeliveryService).drain()).toBe(1);
    const [, second] = digestsTo('late@example.org');
    expect(second.subject).toMatch(/: 1 change \(/);
    expect(second.text).toContain(late.recordId);
    expect(second.text).not.toContain(onTime.recordId);
    expect(await statusOf(reader, late.id)).toEqual({ status: 'sent', last_error: null });
  });

  it("puts entries owed more than a week before a subscriber's first digest in it; a superseded one is skipped, saying why", async () => {
    const slot = nextDigestSlot(new Date(Date.now() + 60_000), 'UTC', 1);
    // Enrolled weeks ago; their first digest is only owed now (the digest run was down, say).
    const reader = await subscriber('first@example.org', new Date(slot.getTime() - 30 * DAY_MS));
    const [old, superseded, recent] = [await change(), await change(), await change()];
    await owe(reader, old.id, new Date(slot.getTime() - 20 * DAY_MS));
    await owe(reader, superseded.id, new Date(slot.getTime() - 19 * DAY_MS));
    await owe(reader, recent.id, new Date(slot.getTime() - DAY_MS));
    await dataSource.query(`UPDATE change_records SET superseded_by = '["CW-C-REPLACEMENT"]' WHERE id = $1`, [superseded.id]);

    expect(await api.app.get(DigestService).buildDue(slot)).toMatchObject({ created: 1 });
    expect(await api.app.get(DeliveryService).drain()).toBe(1);
    const [digest] = digestsTo('first@example.org');
    expect(digest.subject).toMatch(/: 2 changes \(/);
    expect(digest.text).toContain(old.recordId);
    expect(digest.text).toContain(recent.recordId);
    expect(digest.text).not.toContain(superseded.recordId);
    expect(await statusOf(reader, old.id)).toEqual({ status: 'sent', last_error: null });
    expect(await statusOf(reader, recent.id)).toEqual({ status: 'sent', last_error: null });
    expect(await statusOf(reader, superseded.id)).toEqual({ status: 'skipped', last_error: expect.stringMatching(/superseded/) });
  });

  it('leaves the entries of a digest that could never be rendered owed, for the next digest', async () => {
    const slot = nextDigestSlot(new Date(Date.now() + 60_000), 'UTC', 1);
    const reader = await subscriber('unrendered@example.org', new Date());
    const owedChange = await change();
    await owe(reader, owedChange.id, new Date(slot.getTime() - DAY_MS));
    expect(await api.app.get(DigestService).buildDue(slot)).toMatchObject({ created: 1 });
    const delivery = api.app.get(DeliveryService);
    const composer = api.app.get(EmailComposer);
    const saved = delivery.options;
    // Rendering fails past the give-up delay: the digest fails without having carried anything.
    delivery.options = { ...saved, giveUpAfterMs: 0 };
    const broken = jest.spyOn(composer, 'compose').mockRejectedValueOnce(new Error('template missing'));
    try {
      expect(await delivery.drain()).toBe(0);
    } finally {
      broken.mockRestore();
      delivery.options = saved;
    }
    const [email] = await dataSource.query(`SELECT status FROM emails WHERE subscriber_id = $1`, [reader]);
    expect(email.status).toBe('failed');
    expect(await statusOf(reader, owedChange.id)).toEqual({ status: 'pending', last_error: null });

    // (The first digest's reader is owed that week's too: a quiet one, the entries it carried not again.)
    expect(await api.app.get(DigestService).buildDue(new Date(slot.getTime() + 7 * DAY_MS))).toMatchObject({ created: 2 });
    expect(await delivery.drain()).toBe(2);
    expect(digestsTo('first@example.org')[1].subject).toMatch(/: no changes, /);
    const [next] = digestsTo('unrendered@example.org');
    expect(next.text).toContain(owedChange.recordId);
    expect(await statusOf(reader, owedChange.id)).toEqual({ status: 'sent', last_error: null });
  });

  it('finishes exactly the entries a skipped digest was to carry, as skipped with the reason', async () => {
    const slot = nextDigestSlot(new Date(Date.now() + 60_000), 'UTC', 1);
    const reader = await subscriber('gone@example.org', new Date());
    const owedChange = await change();
    await owe(reader, owedChange.id, new Date(slot.getTime() - DAY_MS));
    expect(await api.app.get(DigestService).buildDue(slot)).toMatchObject({ created: 1 });
    // Turned off after the digest was owed: nothing is sent, and the entry is finished, not left pending.
    await dataSource.query(`UPDATE subscribers SET digest_enabled = false WHERE id = $1`, [reader]);
    expect(await api.app.get(DeliveryService).drain()).toBe(0);
    expect(digestsTo('gone@example.org')).toEqual([]);
    expect(await statusOf(reader, owedChange.id)).toEqual({ status: 'skipped', last_error: 'digest turned off' });
  });
});
