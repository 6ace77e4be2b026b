import { analyzeChange } from './change.analyzer';
import { HEADING_TOPICS, headingTopics } from './heading-topics.rules';

describe('every heading topic has a self-written heading and near miss', () => {
  test.each(HEADING_TOPICS.map((t) => [t.type, t] as const))('%s', (type, topic) => {
    const [match, noMatch] = topic.example;
    expect({ type, match, found: headingTopics(match, new Set()).some((m) => m.id === type) }).toEqual({ type, match, found: true });
    expect({ type, noMatch, found: headingTopics(noMatch, new Set()).some((m) => m.id === type) }).toEqual({ type, noMatch, found: false });
  });

  test('a topic the clause already has is not added again', () => {
    expect(headingTopics('How long do we keep your data?', new Set(['retention']))).toEqual([]);
  });

  test('the heading is read with its typography straightened (a curly apostrophe)', () => {
    expect(headingTopics('What you can’t do', new Set()).map((m) => m.id)).toEqual(['acceptable-use']);
  });
});

describe('the heading names the topic of a changed clause under it, without setting its severity', () => {
  const doc = (heading: string, clause: string): string => ['# Privacy Policy', `## ${heading}`, clause, '## Contact', 'Write to us at privacy@example.com.'].join('\n\n');
  // A clause that names no period and no retention cue of its own: what it is about is in its heading.
  const before = 'This applies to account details and to the messages you send our support team.';
  const after = 'This applies to account details, to invoices and to the messages you send our support team.';

  test('a reworded clause under "How long do we keep your information?" lists retention, with the severity it has under a neutral heading', () => {
    const inSection = analyzeChange(doc('How long do we keep your information?', before), doc('How long do we keep your information?', after));
    const neutral = analyzeChange(doc('Other matters', before), doc('Other matters', after));
    const clause = inSection.clauses.find((c) => c.kind === 'substantive');
    expect(clause?.clauseTypes).toContain('retention');
    expect(neutral.clauses.find((c) => c.kind === 'substantive')?.clauseTypes).not.toContain('retention');
    expect(inSection.severity).toBe(neutral.severity);
  });

  test('the topic of an enclosing heading counts too ("Your California Privacy Rights" › "Deletion requests")', () => {
    const nested = (clause: string): string => ['# Privacy Policy', '## Your California Privacy Rights', '### Requests', clause].join('\n\n');
    const analysis = analyzeChange(nested('Send requests by post to our office.'), nested('Send requests by post or by e-mail to our office.'));
    expect(analysis.clauses.find((c) => c.kind === 'substantive')?.clauseTypes).toContain('state-privacy-rights');
  });

  test('the lead-in of a list names the topic of an item added to it ("We share your personal information with:")', () => {
    const list = (...items: string[]): string => ['# Privacy Policy', '## Who sees it', 'We share your personal information with:', ...items.map((i) => `- ${i}`), '## Contact', 'Write to us.'].join('\n\n');
    const analysis = analyzeChange(list('The company that hosts our servers.'), list('The company that hosts our servers.', 'The firm that prints our invoices.'));
    expect(analysis.clauses.find((c) => c.kind === 'substantive')?.clauseTypes).toContain('data-sharing');
  });

  test('so does a paragraph ending with a colon for the paragraphs after it', () => {
    const cases = (...paragraphs: string[]): string => ['# Privacy Policy', '## Who sees it', 'We share your personal information in these cases:', ...paragraphs, '## Contact', 'Write to us.'].join('\n\n');
    const analysis = analyzeChange(cases('Hosting. The company that hosts our servers.'), cases('Hosting. The company that hosts our servers.', 'Printing. The firm that prints our invoices.'));
    expect(analysis.clauses.find((c) => c.kind === 'substantive')?.clauseTypes).toContain('data-sharing');
  });
});
