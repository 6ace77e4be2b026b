import { Alignment, alignProvisions, classify, Provision, wordSimilarity } from '@clausewatch/analyzer';

/** A provision of the new version that continues one of the previous version. */
export interface KeptProvision {
  afterIndex: number;
  provisionId: string;
  /** The clause's text differs from its previous text (reworded, split or merged). */
  textChanged: boolean;
}

export interface LineagePlan {
  kept: KeptProvision[];
  /** Indexes (in the new version) of provisions seen for the first time. */
  added: number[];
  /** Provisions of the previous version that the new one no longer holds. */
  removed: string[];
}

/** The clause types a clause's text carries (IDs only: what a provision record keeps). */
export function clauseTypesOf(text: string): string[] {
  return classify(text).clauseTypes.map((t) => t.id);
}

function bestBy<T>(items: T[], score: (item: T) => number): T {
  return items.reduce((best, item) => (score(item) > score(best) ? item : best));
}

/**
 * Carries provision IDs from one version to the next along the analyzer's alignment: identical,
 * reworded and moved clauses keep their ID; a split keeps it on the part closest to the old text
 * and a merge on the old clause closest to the new one (the other parts are added or removed);
 * everything else is added or removed. `beforeIds[i]` is the provision ID of the previous
 * version's provision i (undefined when it was never recorded: the clause then counts as added).
 */
export function planLineage(before: Provision[], beforeIds: ReadonlyArray<string | undefined>, after: Provision[], alignments: Alignment[] = alignProvisions(before, after)): LineagePlan {
  const plan: LineagePlan = { kept: [], added: [], removed: [] };
  const keep = (b: number, a: number) => {
    const provisionId = beforeIds[b];
    if (provisionId === undefined) plan.added.push(a);
    else plan.kept.push({ afterIndex: a, provisionId, textChanged: before[b].text !== after[a].text });
  };
  const remove = (b: number) => {
    const provisionId = beforeIds[b];
    if (provisionId !== undefined) plan.removed.push(provisionId);
  };
  for (const alignment of alignments) {
    const { op } = alignment;
    if (op === 'added') plan.added.push(...alignment.after);
    else if (op === 'removed') alignment.before.forEach(remove);
    else if (alignment.before.length === 1 && alignment.after.length === 1) keep(alignment.before[0], alignment.after[0]);
    else if (alignment.before.length === 1) {
      const [b] = alignment.before;
      const a = bestBy(alignment.after, (x) => wordSimilarity(before[b].text, after[x].text));
      keep(b, a);
      plan.added.push(...alignment.after.filter((x) => x !== a));
    } else {
      // A merge (or an n:m regrouping): the new clause continues the old one it resembles most.
      const targets = alignment.after.length > 0 ? alignment.after : [];
      const used = new Set<number>();
      for (const a of targets) {
        const candidates = alignment.before.filter((x) => !used.has(x));
        if (candidates.length === 0) {
          plan.added.push(a);
          continue;
        }
        const b = bestBy(candidates, (x) => wordSimilarity(before[x].text, after[a].text));
        used.add(b);
        keep(b, a);
      }
      alignment.before.filter((x) => !used.has(x)).forEach(remove);
    }
  }
  plan.added.sort((x, y) => x - y);
  plan.kept.sort((x, y) => x.afterIndex - y.afterIndex);
  return plan;
}
