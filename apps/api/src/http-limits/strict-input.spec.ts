import { BadRequestException } from '@nestjs/common';
import { parseHttpUrl, parseStrictDate } from './strict-input';

describe('parseStrictDate', () => {
  it.each([
    ['2025-06-23', '2025-06-23T00:00:00.000Z'],
    ['2025-06-23T10:00:00Z', '2025-06-23T10:00:00.000Z'],
    ['2025-06-23T10:00', '2025-06-23T10:00:00.000Z'],
    ['2025-06-23T10:00:00.5+02:00', '2025-06-23T08:00:00.500Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('reads %s', (raw, iso) => {
    expect(parseStrictDate('capturedAt', raw).toISOString()).toBe(iso);
  });

  it.each(['1', '2026-02-30', '2025-02-29', '2025-13-01', '2025-06-23T24:00:00Z', '2025-06-23 10:00', 'yesterday', '1e9', '2025-06-23T10:00:00Z\u0000'])('refuses %j with a 400 naming the field', (raw) => {
    expect(() => parseStrictDate('capturedAt', raw)).toThrow(BadRequestException);
    expect(() => parseStrictDate('capturedAt', raw)).toThrow(/^capturedAt must be an existing date/);
  });
});

describe('parseHttpUrl', () => {
  it('keeps http and https URLs', () => {
    expect(parseHttpUrl('url', 'https://example.com/tos')).toBe('https://example.com/tos');
  });
  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'not a url', 'https://example.com/\u0000'])('refuses %j', (raw) => {
    expect(() => parseHttpUrl('url', raw)).toThrow(/^url must be an http or https URL/);
  });
});
