import { FakeResend } from '@clausewatch/testing';
import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from '../testing/api-harness';
import { oweDigests } from '../testing/owe-digests';
import { DeliveryService } from './delivery.service';
import { ResendSender } from './resend.sender';

const SUBSCRIBERS = 250;
// The storm lasts a minute: STORM_MS=60000 runs it in full (npm test keeps 8 s, the same path).
const STORM_MS = Number(process.env.STORM_MS ?? 8_000);

// Exactly-once delivery against a misbehaving provider: storms of 429 and 5xx, Retry-After, timeouts,
// refusals. The real Resend SDK, against the local fake.
describe('delivery', () => {
  let api: ApiHarness;
  let resend: FakeResend;
  let dataSource: DataSource;
  let delivery: DeliveryService;

  const statuses = async (domain: string) =>
    Object.fromEntries(
      (
        await dataSource.query(`SELECT e.status, count(*)::int AS n FROM emails e JOIN subscribers s ON s.id = e.subscriber_id WHERE s.email LIKE $1 GROUP BY e.status`, [`%@${domain}`])
      ).map((r: { status: string; n: number }) => [r.status, r.n]),
    );

  beforeAll(async () => {
    resend = await FakeResend.start();
    // The provider timeout is 10 s in production; 400 ms here so a slow answer is a timeout.
    api = await startApi({ RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: resend.url }, { emailSender: new ResendSender('re_test_key', resend.url, 400) });
    dataSource = api.app.get(DataSource);
    delivery = api.app.get(DeliveryService);
    delivery.options = { ...delivery.options, retryBaseMs: 200, maxRetryMs: 1500 };
  });

  afterAll(async () => {
    await api?.close();
    await resend?.stop();
  });

  it('delivers every email once through a storm of 429 and 500 answers', async () => {
    await oweDigests(api, SUBSCRIBERS, 'storm.test');
    // Scaled down from the minute to 8 s by default: the same code path, each batch refused many times.
    resend.startStorm([429, 500, 503, 429], STORM_MS, 1);
    const started = Date.now();
    while ((await statuses('storm.test')).sent !== SUBSCRIBERS && Date.now() - started < STORM_MS + 37_000) {
      await delivery.drain();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await statuses('storm.test')).toEqual({ sent: SUBSCRIBERS });
    expect(Date.now() - started).toBeGreaterThanOrEqual(STORM_MS);
    if (process.env.STORM_MS) process.stderr.write(`storm of ${STORM_MS} ms: ${SUBSCRIBERS} delivered once in ${Date.now() - started} ms; refused ${JSON.stringify(Object.fromEntries(resend.refused))}\n`);
    expect(resend.refused.get(429)).toBeGreaterThan(0);
    expect(resend.refused.get(500)).toBeGreaterThan(0);
    const byKey = resend.deliveriesByEmailKey();
    const keys = [...byKey.keys()].filter((k) => k.startsWith('cw-digest-'));
    expect(keys).toHaveLength(SUBSCRIBERS);
    expect(keys.every((k) => byKey.get(k) === 1)).toBe(true);
    // Batches of up to 100 through the batch endpoint: about SUBSCRIBERS / 100 provider keys, not one per
    // email (the API's own delivery job may claim beside this loop, so a batch can end up split in two).
    const batchKeys = new Set(resend.delivered.map((d) => d.idempotencyKey)).size;
    expect(batchKeys).toBeGreaterThanOrEqual(Math.ceil(SUBSCRIBERS / 100));
    expect(batchKeys).toBeLessThanOrEqual(Math.ceil(SUBSCRIBERS / 100) + 2);
  }, STORM_MS + 52_000);

  it('waits at least as long as Retry-After, and never fails an email while the provider is down', async () => {
    await oweDigests(api, 3, 'later.test');
    resend.fail(429, 'Too many requests', { retryAfterSeconds: 30 });
    await delivery.drain();
    const [row] = await dataSource.query(
      `SELECT e.status, e.attempts, extract(epoch from e.next_attempt_at - now()) AS wait, e.last_error FROM emails e JOIN subscribers s ON s.id = e.subscriber_id WHERE s.email LIKE '%@later.test' LIMIT 1`,
    );
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(1);
    expect(Number(row.wait)).toBeGreaterThan(28);
    expect(row.last_error).toContain('429');
    resend.recover();
    await dataSource.query(`UPDATE emails SET next_attempt_at = now() WHERE status = 'pending'`);
    await delivery.drain();
    expect(await statuses('later.test')).toEqual({ sent: 3 });
  });

  it('retries a timed-out call with the same key: the provider that took it delivers it once', async () => {
    await oweDigests(api, 1, 'slow.test');
    resend.delayMs = 1_000;
    await delivery.drain();
    expect(await statuses('slow.test')).toEqual({ pending: 1 });
    // A retry while the provider still works on the first call is told so (409), and waits again.
    await dataSource.query(`UPDATE emails SET next_attempt_at = now() WHERE status = 'pending'`);
    await delivery.drain();
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    resend.delayMs = 0;
    await dataSource.query(`UPDATE emails SET next_attempt_at = now() WHERE status = 'pending'`);
    await delivery.drain();
    expect(await statuses('slow.test')).toEqual({ sent: 1 });
    expect(resend.delivered.filter((d) => d.body.to[0] === 'reader1@slow.test')).toHaveLength(1);
  });

  it('fails an email the provider refuses (4xx other than 429) with its reason, and sends the rest of its batch', async () => {
    await oweDigests(api, 5, 'refused.test');
    resend.rejectedRecipients.add('reader3@refused.test');
    await delivery.drain();
    expect(await statuses('refused.test')).toEqual({ sent: 4, failed: 1 });
    const [failed] = await dataSource.query(`SELECT s.email, e.last_error FROM emails e JOIN subscribers s ON s.id = e.subscriber_id WHERE e.status = 'failed'`);
    expect(failed).toEqual({ email: 'reader3@refused.test', last_error: 'Resend 422: Invalid `to` field: reader3@refused.test' });
  });

  it('gives up after 24 hours of failures, with the reason', async () => {
    await oweDigests(api, 1, 'gone.test');
    resend.fail(503, 'Service unavailable');
    await dataSource.query(
      `UPDATE emails e SET first_attempt_at = now() - interval '24 hours' FROM subscribers s WHERE s.id = e.subscriber_id AND s.email LIKE '%@gone.test'`,
    );
    await delivery.drain();
    resend.recover();
    const [row] = await dataSource.query(`SELECT e.status, e.last_error FROM emails e JOIN subscribers s ON s.id = e.subscriber_id WHERE s.email LIKE '%@gone.test'`);
    expect(row).toEqual({ status: 'failed', last_error: 'provider unavailable for 24 h: Resend 503: Service unavailable' });
  });
});
