import type { Plan } from '@clausewatch/db';

export const PLANS: readonly Plan[] = ['free', 'watcher', 'monitor', 'professional'];
export const PAID_PLANS = ['watcher', 'monitor', 'professional'] as const;
export type PaidPlan = (typeof PAID_PLANS)[number];

/** Follows (platforms, clause types and regulations alike) each plan allows; null: unlimited. */
export const PLAN_LIMITS: Record<Plan, number | null> = { free: 1, watcher: 10, monitor: 25, professional: null };

export const PLAN_INFO: Record<Plan, { label: string; price: string; email: string; apiToken: boolean }> = {
  free: { label: 'Free', price: '€0', email: 'Weekly digest', apiToken: false },
  watcher: { label: 'Watcher', price: '€4 / month', email: 'Weekly digest and same-day alerts', apiToken: false },
  monitor: { label: 'Monitor', price: '€12 / month', email: 'Weekly digest and same-day alerts', apiToken: false },
  professional: { label: 'Professional', price: '€49 / month', email: 'Alerts, digest, API token, feeds and exports', apiToken: true },
};

/** Sign-in links: valid this long, and at most so many per address and per IP in that window. */
export const LOGIN_TOKEN_TTL_MS = 15 * 60 * 1000;
export const LOGIN_LIMIT_PER_EMAIL = 3;
export const LOGIN_LIMIT_PER_IP = 10;
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
export const SESSION_COOKIE = 'cw_session';

export function isPlan(value: unknown): value is Plan {
  return typeof value === 'string' && (PLANS as readonly string[]).includes(value);
}
