import { analyzeChange } from './change.analyzer';
import { cosmeticFingerprint } from './text.normalizer';

const policy = (...blocks: string[]): string => ['# Privacy Policy', 'Last updated: March 1, 2025', ...blocks].join('\n\n');
const COLLECT = 'We collect your email address and the pages you visit.';
const SHARE_HEAD = '## Sharing';
const SHARE = 'We share your personal data with service providers who host the site for us.';
const DELETE_HEAD = '## Your rights';
const DELETE = 'You can request the deletion of your personal data at any time by emailing privacy@example.com.';
const base = policy('## Collection', COLLECT, SHARE_HEAD, SHARE, DELETE_HEAD, DELETE);

describe('analyzeChange: change kind', () => {
  test.each([
    ['identical text', base, 'none', 'none'],
    ['a new "Last updated" date alone', base.replace('March 1, 2025', 'April 9, 2025'), 'cosmetic', 'none'],
    ['punctuation, case and typography', base.replace('We collect your email address', 'We collect your e-mail address'.replace('e-mail', 'email')).replace("pages you visit.", 'pages you visit').replace('We share', 'we share'), 'cosmetic', 'none'],
    ['curly quotes and non-breaking spaces', base.replace('service providers', 'service\u00A0providers'), 'cosmetic', 'none'],
    ['a heading removed', base.replace(`${SHARE_HEAD}\n\n`, ''), 'structure', 'low'],
    ['a heading renumbered', base.replace('## Sharing', '## 2. Sharing'), 'structure', 'low'],
    ['two sections swapped', policy('## Collection', COLLECT, DELETE_HEAD, DELETE, SHARE_HEAD, SHARE), 'structure', 'low'],
  ])('%s → %s / %s', (_name, after, kind, severity) => {
    const analysis = analyzeChange(base, after);
    expect(analysis.kind).toBe(kind);
    expect(analysis.severity).toBe(severity);
  });
});

describe('analyzeChange: severity follows the rubric', () => {
  test.each([
    ['sale of personal data introduced', base.replace(SHARE, `${SHARE} We also sell your personal data to data brokers.`), ['critical'], 'worse', 'data-sale'],
    ['deletion right removed', base.replace(`${DELETE_HEAD}\n\n${DELETE}`, ''), ['critical'], 'worse', 'deletion'],
    ['sharing section removed', base.replace(`${SHARE_HEAD}\n\n${SHARE}`, ''), ['high', 'critical'], 'worse', 'data-sharing'],
    ['arbitration with a class action waiver added', `${base}\n\n## Disputes\n\nAll disputes will be resolved by binding arbitration and you waive any right to a class action or a jury trial.`, ['high', 'critical'], 'worse', 'dispute-resolution'],
  ])('%s', (_name, after, severities, direction, type) => {
    const analysis = analyzeChange(base, after);
    expect(analysis.kind).toBe('substantive');
    expect(severities).toContain(analysis.severity);
    const clause = analysis.clauses.find((c) => c.clauseTypes.includes(type as string));
    expect(clause?.direction).toBe(direction);
    expect(clause?.reasons.length).toBeGreaterThan(0);
  });

  test('"we do not sell" added is an improvement, not a sale of data', () => {
    const analysis = analyzeChange(base, base.replace(SHARE, `${SHARE} We do not sell your personal data.`));
    expect(analysis.kind).toBe('substantive');
    expect(analysis.severity).not.toBe('critical');
    expect(analysis.clauses[0].direction).toBe('better');
    expect(analysis.reasons.join(' ')).toMatch(/improvement/);
  });

  test('an arbitration clause removed is labelled an improvement', () => {
    const withArbitration = `${base}\n\n## Disputes\n\nAll disputes will be resolved by binding arbitration and you waive any class action.`;
    const analysis = analyzeChange(withArbitration, base);
    const clause = analysis.clauses.find((c) => c.clauseTypes.includes('dispute-resolution'));
    expect(clause?.direction).toBe('better');
    expect(clause?.reasons.join(' ')).toMatch(/improvement/);
  });

  test('a liability cap is medium or high, a changed governing law low or medium', () => {
    const terms = '# Terms\n\nThese terms are governed by the laws of California.\n\nWe are liable for damages we cause.';
    expect(['medium', 'high']).toContain(analyzeChange(terms, terms.replace('We are liable for damages we cause.', 'We are liable for damages we cause. In no event will our total liability exceed the fees you paid in the last 12 months.')).severity);
    expect(['low', 'medium']).toContain(analyzeChange(terms, terms.replace('California', 'Delaware')).severity);
  });
});

describe('analyzeChange: the summary comes from the diff alone', () => {
  test('it quotes the changed words and nothing the diff lacks', () => {
    const analysis = analyzeChange(base, base.replace('service providers', 'advertising partners'));
    expect(analysis.summary).toContain('“service providers”');
    expect(analysis.summary).toContain('“advertising partners”');
    expect(analysis.summary).not.toMatch(/deletion|arbitration|sell/i);
  });

  test('a removed section is named with its heading', () => {
    const analysis = analyzeChange(base, base.replace(`${SHARE_HEAD}\n\n${SHARE}`, ''));
    expect(analysis.summary).toContain('Removed the section “Sharing”');
    expect(analysis.reasons.join(' ')).toMatch(/removed the section “Sharing” describing the sharing of personal data/);
  });

  test('every clause change has a word diff when both sides exist', () => {
    const analysis = analyzeChange(base, base.replace('email address', 'email address, phone number'));
    const [clause] = analysis.clauses.filter((c) => c.kind === 'substantive');
    expect(clause.diff?.filter((d) => d.op === 'insert').map((d) => d.text.trim())).toEqual([', phone number']);
  });
});

describe('cosmeticFingerprint', () => {
  test('equal across cosmetic differences and date stamps, different across words', () => {
    const cosmetic = base.replace('March 1, 2025', 'May 2, 2026').replace('We share', 'We  share').replace('.', ' .');
    expect(cosmeticFingerprint(cosmetic)).toBe(cosmeticFingerprint(base));
    expect(cosmeticFingerprint(base.replace('email', 'postal'))).not.toBe(cosmeticFingerprint(base));
  });
});
