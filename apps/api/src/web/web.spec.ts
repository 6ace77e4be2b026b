import { redlineSegments } from '../views/redline.view-model';
import { timeline } from './platform-page.service';
import { needsCsrf, rewriteWebUrl } from './web.routes';
import type { IncomingMessage } from 'node:http';
import type { ChangeListItem } from './changes.query';

const change = (id: string, capturedAt: string, severity: string): ChangeListItem => ({
  id,
  kind: 'substantive',
  severity,
  summary: '',
  clauseTypes: [],
  capturedAt: new Date(capturedAt),
  createdAt: new Date(capturedAt),
  document: { id: 'CW-D-00001', title: 'Terms', type: 'terms-of-service' },
  platform: { slug: 'x', name: 'X' },
});

describe('web helpers', () => {
  it.each([
    ['/platforms', '/catalog'],
    ['/platforms?q=mid', '/catalog?q=mid'],
    ['/platforms/midjourney', '/catalog/midjourney'],
    ['/platformsx', '/platformsx'],
    ['/api/v1/platforms', '/api/v1/platforms'],
    ['/r/CW-E-00001', '/r/CW-E-00001'],
  ])('routes %s as %s', (url, routed) => {
    expect(rewriteWebUrl({ url } as IncomingMessage)).toBe(routed);
  });

  it.each([
    ['POST', '/follow', true],
    ['POST', '/account/settings?x=1', true],
    ['POST', '/login', false],
    ['POST', '/api/v1/subscribers', false],
    ['GET', '/follow', false],
  ])('%s %s needs a CSRF token: %s', (method, url, expected) => {
    expect(needsCsrf(method, url)).toBe(expected);
  });

  it('places one timeline mark per change, by date, higher for more severe', () => {
    const t = timeline([change('CW-C-000003', '2026-03-01', 'low'), change('CW-C-000002', '2026-02-01', 'critical'), change('CW-C-000001', '2026-01-01', 'medium')]);
    expect(t.marks.map((m) => m.id)).toEqual(['CW-C-000003', 'CW-C-000002', 'CW-C-000001']);
    expect(t.marks[2].x).toBeLessThan(t.marks[1].x);
    expect(t.marks[1].x).toBeLessThan(t.marks[0].x);
    expect(t.marks[1].y).toBeLessThan(t.marks[2].y);
    expect(t.marks[2].y).toBeLessThan(t.marks[0].y);
    expect(timeline([]).marks).toEqual([]);
  });

  it('redlines words, and whole clauses when added or removed', () => {
    expect(redlineSegments('notice of 30 days', 'notice of 7 days')).toEqual([
      { op: 'equal', text: 'notice of ' },
      { op: 'delete', text: '30' },
      { op: 'insert', text: '7' },
      { op: 'equal', text: ' days' },
    ]);
    expect(redlineSegments(null, 'new clause')).toEqual([{ op: 'insert', text: 'new clause' }]);
    expect(redlineSegments('old clause', null)).toEqual([{ op: 'delete', text: 'old clause' }]);
  });
});
