import { analyzeChange } from './change.analyzer';

const policy = (party: string, extra = ''): string =>
  ['# Privacy Policy', 'Last updated: March 1, 2025', `This policy explains how ${party} ("Example", "we", "us" or "our") handles your personal data.${extra}`, '## Collection', 'We collect your email address.'].join('\n\n');

describe('a change of contracting party', () => {
  test('another company defined as "we" is a change of contracting party (medium), named in the reasons', () => {
    const analysis = analyzeChange(policy('Example Media, Inc.'), policy('Northwind Holdings LLC'));
    expect(analysis.severity).toBe('medium');
    expect(analysis.reasons[0]).toMatch(/who you contract with.*Example Media, Inc\..*Northwind Holdings LLC/);
    expect(analysis.clauses.find((c) => c.op !== 'removed')?.clauseTypes[0]).toBe('other');
  });

  test('the controller named anew is one too; a company renamed in part is not', () => {
    const controller = (name: string): string => ['# Privacy Policy', `${name} is the data controller of your personal information.`, '## Collection', 'We collect your email address.'].join('\n\n');
    expect(analyzeChange(controller('Example Media Ltd'), controller('Northwind Holdings GmbH')).severity).toBe('medium');
    expect(analyzeChange(policy('Example Media, Inc.'), policy('Example Media Group Ltd')).reasons.join(' ')).not.toMatch(/who you contract with/);
  });

  test('a company named in passing (a processor, a payment provider) is no contracting party', () => {
    const before = policy('Example Media, Inc.', ' Payments are handled by Stripe, Inc.');
    const after = policy('Example Media, Inc.', ' Payments are handled by Adyen N.V.');
    expect(analyzeChange(before, after).reasons.join(' ')).not.toMatch(/who you contract with/);
  });

  test('a company renamed in part is a rename: low, shown as other terms with the old and new names', () => {
    const analysis = analyzeChange(policy('Example Media Technologies AG'), policy('Example Media AG'));
    expect(analysis.severity).toBe('low');
    const clause = analysis.clauses.find((c) => c.kind === 'substantive');
    expect(clause?.clauseTypes[0]).toBe('other');
    expect(clause?.reasons).toEqual(['renamed the company you contract with: “Example Media Technologies AG” → “Example Media AG” (low)']);
  });

  test('a rename beside another change keeps that change\'s reading and adds the rename', () => {
    const analysis = analyzeChange(policy('Example Media Technologies AG'), policy('Example Media AG', ' We sell your personal data to advertisers.'));
    const clause = analysis.clauses.find((c) => c.kind === 'substantive');
    expect(clause?.clauseTypes[0]).not.toBe('other');
    expect(clause?.clauseTypes).toContain('other');
    expect(clause?.reasons.at(-1)).toMatch(/^renamed the company you contract with/);
  });
});
