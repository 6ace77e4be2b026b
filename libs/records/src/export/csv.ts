/** A value as an export writes it: dates as ISO 8601, everything else as is. */
export function plainValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** RFC 4180: a field with a quote, comma or line break is quoted, quotes doubled; JSON values as JSON text. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : String(plainValue(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (CRLF-terminated) of the fields in this order. */
export function csvLine(fields: unknown[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}
