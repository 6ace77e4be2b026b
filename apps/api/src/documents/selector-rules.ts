import { DocumentsError, DocumentsErrorCode } from './documents.error';
import type { SelectorRule } from '@clausewatch/db';

const RANGE_KEYS = ['startBefore', 'startAfter', 'endBefore', 'endAfter'];

/** Accepts a CSS string, a range selector object, or an array of them; returns an array or a 400. */
export function selectorRules(value: unknown, field: string): SelectorRule[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, i) => {
    if (typeof item === 'string' && item.trim() && item.length <= 1000) return item;
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const entries = Object.entries(item as Record<string, unknown>);
      const ok =
        entries.length > 0 &&
        entries.every(([k, v]) => RANGE_KEYS.includes(k) && typeof v === 'string' && v.trim() !== '') &&
        entries.some(([k]) => k.startsWith('start')) &&
        entries.some(([k]) => k.startsWith('end'));
      if (ok) return item as SelectorRule;
    }
    throw new DocumentsError(
      DocumentsErrorCode.InvalidRules,
      `${field}[${i}] must be a CSS selector string or a range selector {startBefore|startAfter, endBefore|endAfter}`,
    );
  });
}

export function filterNames(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && /^[A-Za-z][A-Za-z0-9]*$/.test(v))) {
    throw new DocumentsError(DocumentsErrorCode.InvalidRules, 'filter must be an array of filter names, e.g. ["removeQueryParams"]');
  }
  return value as string[];
}
