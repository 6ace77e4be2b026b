import type { Severity } from '@clausewatch/analyzer';

export const SEVERITIES: readonly Severity[] = ['none', 'low', 'medium', 'high', 'critical'];
export const severityRank = (s: string) => Math.max(0, SEVERITIES.indexOf(s as Severity));
export const SEVERITY_COLOURS: Record<string, string> = { critical: '#9f1239', high: '#c2410c', medium: '#a16207', low: '#1e40af', none: '#4b5563' };

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}
