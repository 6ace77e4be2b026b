import { ArgumentMetadata, BadRequestException, PipeTransform } from '@nestjs/common';
import { Matches, ValidationOptions } from 'class-validator';

/** Names, titles and type IDs: no NUL, no other control character (PostgreSQL refuses NUL in text anyway). */
export function NoControlCharacters(options: ValidationOptions = {}): PropertyDecorator {
  return Matches(/^[^\p{Cc}]*$/u, { message: '$property must not contain NUL or other control characters', ...options });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * A date that exists, written ISO 8601 (`2026-02-28`, `2026-02-28T10:00:00Z`): no "1" read as 2001, no
 * 2026-02-30 rolled into March. Throws a 400 naming the field.
 */
export function parseStrictDate(field: string, raw: string): Date {
  const match = ISO_DATE.exec(raw);
  const fail = () => new BadRequestException(`${field} must be an existing date in ISO 8601 (e.g. 2026-02-28T10:00:00Z), got "${raw.slice(0, 40)}"`);
  if (!match) throw fail();
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  // The calendar fields must survive a round trip through a UTC date (the offset does not change them).
  const calendar = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) throw fail();
  // A time without an offset is UTC, as the server's clock.
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction.slice(0, 4)}${zone}`);
  if (Number.isNaN(at.getTime())) throw fail();
  return at;
}

/** An http or https URL (what a capture says it was captured from). Throws a 400 naming the field. */
export function parseHttpUrl(field: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BadRequestException(`${field} must be an http or https URL, got "${raw.slice(0, 80)}"`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || /\p{Cc}/u.test(raw)) {
    throw new BadRequestException(`${field} must be an http or https URL, got "${raw.slice(0, 80)}"`);
  }
  return url.toString();
}

/** A whole number in [min, max] written in decimal digits ("abc", "1e9", "1.5" and out-of-range values are 400s). */
export class StrictIntPipe implements PipeTransform<string | undefined, number> {
  constructor(
    private readonly min: number,
    private readonly max: number,
    private readonly fallback: number,
  ) {}

  transform(value: string | undefined, metadata: ArgumentMetadata): number {
    if (value === undefined || value === '') return this.fallback;
    const name = metadata.data ?? 'value';
    if (!/^\d{1,15}$/.test(value) || Number(value) < this.min || Number(value) > this.max) {
      throw new BadRequestException(`${name} must be a whole number from ${this.min} to ${this.max}, got "${String(value).slice(0, 40)}"`);
    }
    return Number(value);
  }
}
