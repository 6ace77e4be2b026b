import type { AppConfig } from '@clausewatch/config';
import type { ChangeRecord, Document, DocumentsRepository, Version, VersionsRepository } from '@clausewatch/db';
import type { CaptureWriter, CheckRow } from './capture.writer';
import type { Capture, CheckResult } from './capture.types';
import { CheckDocument } from './check-document.use-case';
import { ConfirmationScheduler, ConfirmCapture } from './confirm-capture.use-case';
import type { DocumentPagesFetcher, FetchedDocument } from './document-pages.fetcher';
import type { RecordCapture } from './record-capture.use-case';

// The capture use cases with their collaborators faked: what each one fetches, records and schedules.

const document = { id: '7', recordId: 'CW-D-00007', sources: [{ url: 'https://example.test/terms' }] } as Document;
const capture: Capture = { parts: [{ body: Buffer.from('<p>x</p>'), contentType: 'text/html', url: 'https://example.test/terms' }], url: 'https://example.test/terms', finalUrl: null, httpStatus: 200, fetcher: 'http', capturedAt: new Date() };
const unconfirmed = { id: '70', recordId: 'CW-V-0000070', documentId: '7', confirmedAt: null } as Version;
const confirmedChange = { id: '5', recordId: 'CW-C-000005', alertEligible: true } as ChangeRecord;

function fakes(options: { fetched: FetchedDocument; recorded?: CheckResult; latest?: Version | null; stored?: Version | null }) {
  const calls = { failures: [] as CheckRow[], recorded: [] as string[], confirmed: [] as string[], scheduled: [] as Array<[string, string, number]>, fetches: [] as boolean[], latestReads: 0 };
  const pages = { fetch: async (_d: Document, o: { conditional: boolean }) => (calls.fetches.push(o.conditional), options.fetched) } as unknown as DocumentPagesFetcher;
  const recorder = {
    record: async (_d: Document, _c: Capture, context: { trigger: string }) => (calls.recorded.push(context.trigger), options.recorded!),
  } as unknown as RecordCapture;
  const writer = {
    recordFailure: async (row: CheckRow) => void calls.failures.push(row),
    confirm: async (_d: Document, versionId: string) => (calls.confirmed.push(versionId), { version: { ...unconfirmed, confirmedAt: new Date() }, change: confirmedChange }),
  } as unknown as CaptureWriter;
  const scheduler: ConfirmationScheduler = { scheduleConfirmation: async (d, v, s) => void calls.scheduled.push([d, v, s]) };
  const versions = { findLatestFor: async () => (calls.latestReads++, options.latest ?? null), findById: async () => options.stored ?? null } as unknown as VersionsRepository;
  const documents = { findById: async () => document } as unknown as DocumentsRepository;
  const config = { confirmDelaySeconds: 300 } as AppConfig;
  const confirmation = new ConfirmCapture(config, scheduler, documents, versions, pages, recorder, writer);
  const checker = new CheckDocument(config, scheduler, versions, pages, recorder, writer, confirmation);
  return { calls, confirmation, checker };
}

describe('CheckDocument', () => {
  it('records a failed fetch as a check row with its cause, and nothing else', async () => {
    const { calls, checker } = fakes({ fetched: { outcome: 'timeout', cause: 'no answer in 30 s', transient: true, fetcher: 'http' } });
    const result = await checker.check(document, 'schedule');
    expect(result).toMatchObject({ outcome: 'timeout', transient: true, version: null, change: null, created: false });
    expect(calls.failures).toEqual([expect.objectContaining({ outcome: 'timeout', cause: 'no answer in 30 s', trigger: 'schedule' })]);
    expect(calls.recorded).toEqual([]);
  });

  it('fetches conditionally and schedules the confirmation of a new text as a job after the delay', async () => {
    const { calls, checker } = fakes({ fetched: { outcome: 'ok', transient: false, fetcher: 'http', capture }, recorded: { outcome: 'ok', version: unconfirmed, change: null, created: true } });
    await checker.check(document, 'schedule');
    expect(calls.fetches).toEqual([true]);
    expect(calls.scheduled).toEqual([['7', '70', 300]]);
    // The latest version is read once, by the recording (its neighbours in time), never before it.
    expect(calls.latestReads).toBe(0);
  });

  it('confirms an unconfirmed latest version on a 304 Not Modified', async () => {
    const { calls, checker } = fakes({ fetched: { outcome: 'not-modified', transient: false, fetcher: 'http' }, latest: unconfirmed });
    const result = await checker.check(document, 'schedule');
    expect(calls.confirmed).toEqual(['70']);
    expect(result).toMatchObject({ outcome: 'not-modified', change: { recordId: 'CW-C-000005' } });
    expect(calls.failures).toEqual([expect.objectContaining({ outcome: 'not-modified' })]);
  });

  it('does not confirm anything on a 304 when the latest version is confirmed already', async () => {
    const { calls, checker } = fakes({ fetched: { outcome: 'not-modified', transient: false, fetcher: 'http' }, latest: { ...unconfirmed, confirmedAt: new Date() } as Version });
    await checker.check(document, 'schedule');
    expect(calls.confirmed).toEqual([]);
  });
});

describe('ConfirmCapture', () => {
  it('fetches unconditionally and confirms a text seen again', async () => {
    const { calls, confirmation } = fakes({ fetched: { outcome: 'ok', transient: false, fetcher: 'http', capture }, recorded: { outcome: 'ok', version: unconfirmed, change: null, created: false }, stored: unconfirmed });
    const result = await confirmation.confirmCapture('7', '70');
    expect(calls.fetches).toEqual([false]);
    expect(calls.recorded).toEqual(['confirm']);
    expect(calls.confirmed).toEqual(['70']);
    expect(result).toMatchObject({ confirmed: true, retry: false, change: { alertEligible: true } });
  });

  it('leaves yet another text to its own confirmation job, never confirming the first', async () => {
    const newer = { ...unconfirmed, id: '71' } as Version;
    const { calls, confirmation } = fakes({ fetched: { outcome: 'ok', transient: false, fetcher: 'http', capture }, recorded: { outcome: 'ok', version: newer, change: null, created: true }, stored: unconfirmed });
    const result = await confirmation.confirmCapture('7', '70');
    expect(result.confirmed).toBe(false);
    expect(calls.confirmed).toEqual([]);
    expect(calls.scheduled).toEqual([['7', '71', 300]]);
  });

  it('asks for a retry when the confirmation fetch failed for a transient reason', async () => {
    const { calls, confirmation } = fakes({ fetched: { outcome: 'http-error', cause: 'HTTP 503', transient: true, fetcher: 'http' }, stored: unconfirmed });
    expect(await confirmation.confirmCapture('7', '70')).toMatchObject({ confirmed: false, retry: true, outcome: 'http-error' });
    expect(calls.failures).toEqual([expect.objectContaining({ trigger: 'confirm', outcome: 'http-error' })]);
  });

  it('does nothing for a version confirmed already (the admin route got there first)', async () => {
    const { calls, confirmation } = fakes({ fetched: { outcome: 'ok', transient: false, fetcher: 'http', capture }, stored: { ...unconfirmed, confirmedAt: new Date() } as Version });
    expect(await confirmation.confirmCapture('7', '70')).toMatchObject({ confirmed: true });
    expect(calls.fetches).toEqual([]);
  });
});
