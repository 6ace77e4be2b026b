import { RecordsError, RecordsErrorCode } from '../records.error';
import { formatRecordId, parseRecordId, RecordKind, requireRecordId } from './record-id';

describe('formatRecordId', () => {
  it.each<[string, RecordKind, number, string]>([
    ['CW', 'E', 12, 'CW-E-00012'],
    ['CW', 'D', 94, 'CW-D-00094'],
    ['CW', 'V', 1234, 'CW-V-0001234'],
    ['CW', 'P', 10977, 'CW-P-010977'],
    ['CW', 'C', 4512, 'CW-C-004512'],
    ['CW', 'E', 1234567, 'CW-E-1234567'],
    ['ACME2', 'V', 0, 'ACME2-V-0000000'],
  ])('%s %s %i → %s', (prefix, kind, n, id) => {
    expect(formatRecordId(prefix, kind, n)).toBe(id);
    expect(parseRecordId(id)).toEqual({ prefix, kind, number: n });
  });

  it.each<[string, string, number]>([
    ['cw', 'V', 1],
    ['C-W', 'V', 1],
    ['', 'V', 1],
    ['CW', 'X', 1],
    ['CW', 'V', -1],
    ['CW', 'V', 1.5],
    ['CW', 'V', Number.MAX_SAFE_INTEGER + 2],
  ])('refuses prefix %j, kind %j, number %d', (prefix, kind, n) => {
    expect(() => formatRecordId(prefix, kind as RecordKind, n)).toThrow(RecordsError);
  });
});

describe('parseRecordId', () => {
  it.each([
    'CW-V-1234', // narrower than the minimum width
    'CW-E-000012', // a second spelling of CW-E-00012
    'cw-v-0001234',
    'CW-v-0001234',
    'CW-X-0001234',
    'CW-V-0001234 ',
    ' CW-V-0001234',
    'CW--V-0001234',
    'CW-V-',
    'CW-V-00012a4',
    'CWV0001234',
    '',
    'CW-V-99999999999999999999',
  ])('rejects %j', (id) => {
    expect(parseRecordId(id)).toBeNull();
    expect(() => requireRecordId(id)).toThrow(expect.objectContaining({ code: RecordsErrorCode.InvalidRecordId }));
  });

  it('checks the expected kind when asked', () => {
    expect(requireRecordId('CW-D-00094', 'D').number).toBe(94);
    expect(() => requireRecordId('CW-D-00094', 'V')).toThrow(expect.objectContaining({ code: RecordsErrorCode.InvalidRecordId }));
  });
});
