/** One weighted, explainable cue. Patterns are matched case-insensitively on the clause text. */
export interface ClauseRule {
  /** Taxonomy id, or null for a cue that only moves the stance. */
  type: string | null;
  id: string;
  pattern: RegExp;
  /** Contribution to the type's score when the rule matches. */
  weight: number;
  /** Stance contribution for the user: negative is unfavorable, positive favorable. */
  stance: number;
  /** Stance when the match sits in a negated scope; defaults to -stance. */
  negatedStance?: number;
  /** Weight kept when negated ("we do not sell" is still about the sale of data). Default 1. */
  negatedWeight?: number;
  /** Stance when the user is the one acting ("you may terminate your account" vs "we may terminate it"). */
  userActorStance?: number;
  /** Count only the first match: the rule lists alternative names of one event ("merger, acquisition or sale"). */
  once?: boolean;
}

export function rule(type: string | null, id: string, pattern: RegExp, weight: number, stance = 0, options: { negatedStance?: number; negatedWeight?: number; userActorStance?: number; once?: boolean } = {}): ClauseRule {
  return { type, id, pattern, weight, stance, ...options };
}
