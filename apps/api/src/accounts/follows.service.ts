import { clauseTypeById, clauseTypes } from '@clausewatch/analyzer';
import { AccountsRepository, FollowTarget, Plan, PlatformsRepository } from '@clausewatch/db';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountsError, AccountsErrorCode } from './accounts.error';
import { PLAN_LIMITS } from './plans.constants';

/** Every regulation the taxonomy names, each a followable target. */
export const REGULATIONS: readonly string[] = [...new Set(clauseTypes.flatMap((t) => t.regulations))].sort();

/**
 * The one place where follows and plans change. Each call locks the subscriber's row first, so
 * parallel requests of one subscriber run one after the other and the count they check is the
 * count they write to: no sequence of requests gets past the plan's limit.
 */
@Injectable()
export class FollowsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly platforms: PlatformsRepository,
  ) {}

  /** Resolves a follow target from what a form or the API names (a platform slug, a clause type ID, a regulation). */
  async resolve(kind: string, value: string): Promise<FollowTarget> {
    if (kind === 'platform') {
      const platform = await this.platforms.findBySlug(value);
      if (!platform) throw new AccountsError(AccountsErrorCode.UnknownTarget, `no platform "${value.slice(0, 60)}"`);
      return { platformId: platform.id };
    }
    if (kind === 'clause-type') {
      if (!clauseTypeById.has(value)) throw new AccountsError(AccountsErrorCode.UnknownTarget, `no clause type "${value.slice(0, 60)}"`);
      return { clauseType: value };
    }
    if (kind === 'regulation') {
      if (!REGULATIONS.includes(value)) throw new AccountsError(AccountsErrorCode.UnknownTarget, `no regulation "${value.slice(0, 60)}"`);
      return { regulation: value, regulationTypes: clauseTypes.filter((t) => t.regulations.includes(value)).map((t) => t.id) };
    }
    throw new AccountsError(AccountsErrorCode.BadInput, `unknown follow kind "${kind.slice(0, 30)}"`);
  }

  /** Adds the follows, all or none, within the plan's limit (a paused follow asked for again is resumed and counts). */
  follow(subscriberId: string, targets: FollowTarget[], manager?: EntityManager): Promise<void> {
    return this.within(manager, async (m) => {
      const locked = await this.accounts.lockSubscriber(m, subscriberId);
      if (!locked) throw new AccountsError(AccountsErrorCode.UnknownTarget, 'no such subscriber');
      const active = await this.accounts.countActiveFollows(m, subscriberId);
      const fresh: FollowTarget[] = [];
      const resumed: string[] = [];
      const seen = new Set<string>();
      for (const target of targets) {
        const key = JSON.stringify([target.platformId ?? null, target.clauseType ?? null, target.regulation ?? null]);
        if (seen.has(key)) continue;
        seen.add(key);
        const existing = await this.accounts.findFollow(m, subscriberId, target);
        if (!existing) fresh.push(target);
        else if (existing.pausedAt) resumed.push(existing.id);
      }
      const limit = PLAN_LIMITS[locked.plan];
      const wanted = active + fresh.length + resumed.length;
      if (limit !== null && wanted > limit) {
        throw new AccountsError(AccountsErrorCode.PlanLimit, `the ${locked.plan} plan follows at most ${limit} platform${limit === 1 ? '' : 's'}, clause types or regulations; upgrade to follow more`);
      }
      for (const target of fresh) await this.accounts.insertFollow(m, subscriberId, target);
      await this.accounts.resumeFollows(m, resumed);
    });
  }

  async unfollow(subscriberId: string, target: FollowTarget): Promise<void> {
    await this.accounts.deleteFollow(subscriberId, target);
  }

  /** Changes the plan; follows beyond the new limit are paused (never deleted), and resumed when the limit grows again. */
  setPlan(subscriberId: string, plan: Plan, extra: { planEndsAt?: Date | null } = {}, manager?: EntityManager): Promise<void> {
    return this.within(manager, async (m) => {
      if (!(await this.accounts.lockSubscriber(m, subscriberId))) throw new AccountsError(AccountsErrorCode.UnknownTarget, 'no such subscriber');
      await this.accounts.updateSubscriber(subscriberId, { plan, ...extra, ...(plan === 'professional' ? {} : { apiTokenHash: null }) }, m);
      await this.accounts.fitFollowsToLimit(m, subscriberId, PLAN_LIMITS[plan]);
    });
  }

  /** Cancelled subscriptions whose paid period has ended fall back to free. */
  async applyLapsedPlans(now = new Date()): Promise<number> {
    const ids = await this.accounts.findLapsedPlans(now);
    for (const id of ids) await this.setPlan(id, 'free', { planEndsAt: null });
    return ids.length;
  }

  private within<T>(manager: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return manager ? work(manager) : this.accounts.transaction(work);
  }
}

/** URL slug of a regulation ("GDPR Art. 15–22, 77" → "gdpr-art-15-22-77"). */
export function regulationSlug(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export const REGULATION_BY_SLUG: ReadonlyMap<string, string> = new Map(REGULATIONS.map((r) => [regulationSlug(r), r]));
