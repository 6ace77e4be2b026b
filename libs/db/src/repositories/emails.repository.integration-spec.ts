import { createTestDatabase, TestDatabase } from '@clausewatch/testing';
import { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { EmailsRepository } from './emails.repository';

// An email and the notifications it carries change status together: a failure between the two writes
// must not leave an email "sent" whose notifications are still owed (they would be sent again).
describe('EmailsRepository: an email and its notifications in one write', () => {
  let database: TestDatabase;
  let db: DataSource;
  let emails: EmailsRepository;

  /** One email in flight ('sending') carrying two pending notifications; returns the email's id. */
  const emailInFlight = async (key: string): Promise<string> => {
    const runner = db.createQueryRunner();
    await runner.connect();
    try {
      // Fixture rows only: the notifications' change record is not what this test is about.
      await runner.query(`SET session_replication_role = replica`);
      const [subscriber] = await runner.query(`INSERT INTO subscribers (email, unsubscribe_token) VALUES ($1, $1) RETURNING id`, [`${key}@example.org`]);
      const [email] = await runner.query(
        `INSERT INTO emails (subscriber_id, kind, dedupe_key, idempotency_key, status, claimed_until) VALUES ($1, 'alert', $2, $2, 'sending', now() + interval '1 minute') RETURNING id`,
        [subscriber.id, key],
      );
      for (const n of [1, 2]) {
        await runner.query(`INSERT INTO notifications (subscriber_id, change_record_id, channel, idempotency_key, email_id) VALUES ($1, $2, 'alert', $3, $4)`, [
          subscriber.id,
          n,
          `${key}-${n}`,
          email.id,
        ]);
      }
      return email.id;
    } finally {
      await runner.query(`SET session_replication_role = DEFAULT`);
      await runner.release();
    }
  };
  const statuses = async (emailId: string) => ({
    email: (await db.query(`SELECT status FROM emails WHERE id = $1`, [emailId]))[0].status,
    notifications: (await db.query(`SELECT status FROM notifications WHERE email_id = $1 ORDER BY id`, [emailId])).map((r: { status: string }) => r.status),
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDataSource({ url: database.url, poolSize: 2 });
    await db.initialize();
    emails = new EmailsRepository(db);
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  afterEach(async () => {
    await db.query(`DROP TRIGGER IF EXISTS fail_midway ON notifications`);
  });

  /** Makes the second write (the notifications) fail, as a lost connection or a constraint would. */
  const failNotificationWrites = async () => {
    await db.query(`CREATE OR REPLACE FUNCTION fail_midway() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'failed midway'; END $$`);
    await db.query(`CREATE TRIGGER fail_midway BEFORE UPDATE ON notifications FOR EACH ROW EXECUTE FUNCTION fail_midway()`);
  };

  it('marks an email and its notifications sent together, and neither when the second write fails', async () => {
    const failing = await emailInFlight('sent-fail');
    await failNotificationWrites();
    await expect(emails.markSent([{ id: failing, providerMessageId: 'msg-1' }])).rejects.toThrow('failed midway');
    expect(await statuses(failing)).toEqual({ email: 'sending', notifications: ['pending', 'pending'] });
    await db.query(`DROP TRIGGER fail_midway ON notifications`);

    await emails.markSent([{ id: failing, providerMessageId: 'msg-1' }]);
    expect(await statuses(failing)).toEqual({ email: 'sent', notifications: ['sent', 'sent'] });
  });

  it('marks an email failed or skipped with its notifications, and neither when the second write fails', async () => {
    for (const [mark, status] of [
      [(ids: string[]) => emails.markFailed(ids, 'refused'), 'failed'],
      [(ids: string[]) => emails.markSkipped(ids, 'unsubscribed'), 'skipped'],
    ] as const) {
      const id = await emailInFlight(`${status}-case`);
      await failNotificationWrites();
      await expect(mark([id])).rejects.toThrow('failed midway');
      expect(await statuses(id)).toEqual({ email: 'sending', notifications: ['pending', 'pending'] });
      await db.query(`DROP TRIGGER fail_midway ON notifications`);
      await mark([id]);
      expect(await statuses(id)).toEqual({ email: status, notifications: [status, status] });
    }
  });
});
