import { chromiumMissingMessage, chromiumProblem } from '@clausewatch/capture';
import { FixtureSite } from '@clausewatch/testing';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiHarness, startApi } from '../testing/api-harness';

// Missing Chromium is the machine's problem: a failed check with its cause, never an HTTP 500.
describe('a browser fetch when Chromium cannot be launched', () => {
  let api: ApiHarness;
  let site: FixtureSite;

  beforeAll(async () => {
    site = await FixtureSite.start();
    api = await startApi({ CHROMIUM_PATH: '/nonexistent/chromium' });
  });

  afterAll(async () => {
    await api?.close();
    await site?.stop();
  });

  it('records a failed check with cause browser-unavailable and answers 200', async () => {
    site.servePage('/guidelines', 'sites/midjourney/terms-of-service/2025-06-23.html');
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: { platform: 'Midjourney', title: 'Community Guidelines', type: 'community-guidelines', url: site.url('/guidelines'), fetcher: 'browser' },
      headers: api.admin,
    });
    const id = created.json().document.id;
    const check = await api.app.inject({ method: 'POST', url: `/api/v1/documents/${id}/check`, headers: api.admin });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ outcome: 'network-error', version: null, change: null });
    expect(check.json().cause).toMatch(/^browser-unavailable: Cannot launch Chromium at \/nonexistent\/chromium/);
    const document = (await api.app.inject({ method: 'GET', url: `/api/v1/documents/${id}` })).json();
    expect(document.recentChecks[0]).toMatchObject({ outcome: 'network-error', cause: expect.stringMatching(/^browser-unavailable/) });
    expect(document.health.lastCause).toMatch(/^browser-unavailable/);
  });

  it('names the problem and the documents that need a browser, once, in one message', () => {
    expect(chromiumProblem('/nonexistent/chromium')).toBe('no Chromium at /nonexistent/chromium');
    const plain = join(mkdtempSync(join(tmpdir(), 'cw-chromium-')), 'chromium');
    writeFileSync(plain, '#!/bin/sh\n', { mode: 0o644 });
    expect(chromiumProblem(plain)).toBe(`${plain} is not executable`);
    expect(chromiumProblem(tmpdir())).toBe(`${tmpdir()} is not a file`);
    expect(chromiumProblem(process.execPath)).toBeNull();
    const documents = Array.from({ length: 22 }, (_, i) => ({ recordId: `CW-D-${String(i + 1).padStart(5, '0')}`, platform: 'Midjourney', title: `Page ${i + 1}` }));
    const message = chromiumMissingMessage('no Chromium at /usr/bin/chromium', documents);
    expect(message.split('\n')[0]).toBe('Chromium unavailable (no Chromium at /usr/bin/chromium): install it (apt-get install chromium) or set CHROMIUM_PATH.');
    expect(message).toContain('22 active document(s) need a browser');
    expect(message).toContain('  CW-D-00001  Midjourney: Page 1');
    expect(message).toContain('… and 2 more');
    expect(chromiumMissingMessage('x', [])).toContain('No active document needs a browser now');
  });
});
