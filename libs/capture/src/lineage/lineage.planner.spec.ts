import { splitProvisions, wordSimilarity } from '@clausewatch/analyzer';
import { planLineage } from './lineage.planner';

const v1 = `# Terms

## Sharing

We do not sell your personal data to third parties under any circumstances.

## Content

You keep ownership of the images you create with the service.

## Contact

Write to legal@example.com with any question about these terms.
`;

function idsFor(markdown: string): string[] {
  return splitProvisions(markdown).map((_, i) => `P${i}`);
}

function planFor(before: string, after: string) {
  const b = splitProvisions(before);
  const a = splitProvisions(after);
  return { plan: planLineage(b, idsFor(before), a), before: b, after: a };
}

function idOfText(result: ReturnType<typeof planFor>, fragment: string): string | 'new' | undefined {
  const index = result.after.findIndex((p) => p.text.includes(fragment));
  if (index < 0) return undefined;
  return result.plan.kept.find((k) => k.afterIndex === index)?.provisionId ?? (result.plan.added.includes(index) ? 'new' : undefined);
}

function originalId(fragment: string): string {
  return `P${splitProvisions(v1).findIndex((p) => p.text.includes(fragment))}`;
}

describe('planLineage', () => {
  it('keeps every ID, unchanged, for an identical text', () => {
    const result = planFor(v1, v1);
    expect(result.plan.added).toEqual([]);
    expect(result.plan.removed).toEqual([]);
    expect(result.plan.kept.map((k) => k.provisionId)).toEqual(idsFor(v1));
    expect(result.plan.kept.every((k) => !k.textChanged)).toBe(true);
  });

  it('keeps the ID of a reworded clause and marks its text changed', () => {
    const result = planFor(v1, v1.replace('under any circumstances', 'under any circumstances whatsoever'));
    const id = idOfText(result, 'whatsoever');
    expect(id).toBe(originalId('We do not sell'));
    expect(result.plan.kept.find((k) => k.provisionId === id)?.textChanged).toBe(true);
    expect(result.plan.kept.filter((k) => k.textChanged)).toHaveLength(1);
  });

  it('keeps the ID of a clause moved under another heading', () => {
    const moved = v1.replace('We do not sell your personal data to third parties under any circumstances.\n\n', '').replace(
      'Write to legal@example.com',
      'We do not sell your personal data to third parties under any circumstances.\n\nWrite to legal@example.com',
    );
    const result = planFor(v1, moved);
    expect(idOfText(result, 'We do not sell')).toBe(originalId('We do not sell'));
    expect(result.plan.removed).toEqual([]);
  });

  it('gives an added clause a new provision and reports a removed one', () => {
    const edited = v1.replace('You keep ownership of the images you create with the service.\n\n', '') + '\nWe may train our models on your prompts.\n';
    const result = planFor(v1, edited);
    expect(idOfText(result, 'train our models')).toBe('new');
    expect(result.plan.removed).toEqual([originalId('You keep ownership')]);
  });

  it('on a split, keeps the ID on the part closest to the old clause', () => {
    const split = v1.replace(
      'You keep ownership of the images you create with the service.',
      'You keep ownership of the images you create with the service, as before.\n\nWe keep a licence to display every image publicly forever.',
    );
    const result = planFor(v1, split);
    expect(idOfText(result, 'You keep ownership')).toBe(originalId('You keep ownership'));
    expect(idOfText(result, 'licence to display')).toBe('new');
  });

  it('treats clauses of a version whose provisions were never recorded as added', () => {
    const b = splitProvisions(v1);
    const plan = planLineage(b, [], b);
    expect(plan.kept).toEqual([]);
    expect(plan.added).toHaveLength(b.length);
  });
});

describe('wordSimilarity', () => {
  it('is 1 for the same words and 0 for none in common', () => {
    expect(wordSimilarity('We sell data', 'we SELL data.')).toBe(1);
    expect(wordSimilarity('alpha beta', 'gamma delta')).toBe(0);
  });
});
