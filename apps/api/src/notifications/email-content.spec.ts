import type { ClauseChange } from '@clausewatch/analyzer';
import { changeView, ChangeForEmail, digestEntryView, headlineOf, summarySentences } from './email-content';

function changeWith(clause: Partial<ClauseChange>): ChangeForEmail {
  const full: ClauseChange = {
    op: 'reworded',
    kind: 'substantive',
    clauseTypes: [],
    severity: 'high',
    direction: 'worse',
    before: 'Old text.',
    after: 'New text.',
    headingPath: ['Terms'],
    beforeIndexes: [0],
    afterIndexes: [0],
    reasons: [],
    ...clause,
  };
  return {
    id: '1',
    recordId: 'CW-C-000001',
    platformId: '1',
    platformName: 'Example',
    documentId: '1',
    documentTitle: 'Terms of Service',
    severity: full.severity,
    kind: 'substantive',
    summary: '',
    clauses: [full],
    clauseTypes: full.clauseTypes,
    capturedAt: new Date('2026-01-01T00:00:00Z'),
  };
}

describe('headlineOf (the subject line of an alert)', () => {
  it('reads a clause type inside the sentence in lower case', () => {
    expect(headlineOf(changeWith({ clauseTypes: ['dispute-resolution'] }))).toBe('dispute resolution changed');
  });

  it('keeps an acronym that starts a label in capitals', () => {
    expect(headlineOf(changeWith({ clauseTypes: ['ai-training'] }))).toBe('AI training changed');
  });

  it('puts a noun after a subject that is itself a change', () => {
    expect(headlineOf(changeWith({ clauseTypes: ['policy-changes'] }))).toBe('policy changes clause changed');
  });

  it('falls back to the heading, without its number, when no type was found', () => {
    expect(headlineOf(changeWith({ headingPath: ['Terms', '6. Refunds'] }))).toBe('refunds changed');
  });
});

describe('summarySentences (the summary as the bullets of an alert)', () => {
  const summary =
    'Substantive change, severity critical: 3 clauses changed. Added in “Terms of Use”: “You agree to arbitration. No class actions.” [Dispute resolution, critical]. Changed a clause in “Fees”: it now reads “Plans renew each month.” [Payment, medium]. And 1 more change, on [Other terms, low].';

  it('splits after the kind-and-severity lead and at sentence ends outside quotes, keeping a change with its quote', () => {
    expect(summarySentences(summary)).toEqual([
      'Substantive change, severity critical.',
      '3 clauses changed.',
      'Added in “Terms of Use”: “You agree to arbitration. No class actions.” [Dispute resolution, critical].',
      'Changed a clause in “Fees”: it now reads “Plans renew each month.” [Payment, medium].',
      'And 1 more change, on [Other terms, low].',
    ]);
  });

  it('gives the digest the first change, not the lead nor the count of clauses', () => {
    const entry = digestEntryView({ ...changeWith({}), summary }, 'UTC', { publicUrl: 'https://clausewatch.example' });
    expect(entry.summary).toEqual(['Added in “Terms of Use”: “You agree to arbitration. No class actions.” [Dispute resolution, critical].']);
  });
});

describe('changeView: what you can do', () => {
  const links = { publicUrl: 'https://clausewatch.example' };

  it('gives a card per type that set a clause\'s severity, not one per type the clause names', () => {
    const change = changeWith({ clauseTypes: ['dispute-resolution', 'payment', 'user-rights'], scoredType: 'dispute-resolution', severity: 'critical' });
    expect(changeView(change, links, 'UTC').actions.map((a) => a.label)).toEqual(['Dispute resolution']);
  });

  it('reads the leading type of each clause of a change recorded before clauses named the type that scored', () => {
    const change = changeWith({ clauseTypes: ['payment', 'liability'], severity: 'medium' });
    expect(changeView(change, links, 'UTC').actions.map((a) => a.label)).toEqual(['Payment']);
  });
});
