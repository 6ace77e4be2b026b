import { analyzeChange, rememberedSearch } from './change.analyzer';
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
    ['a space the extraction lost between two words found again', base.replace('We share your', 'We shareyour'), 'cosmetic', 'none'],
    ['a button label captured as a line ("Download the app now")', `${base}\n\nDownload the app now`, 'cosmetic', 'none'],
    ['a cookie banner prompt captured as a line ("Let us know you agree to cookies")', `${base}\n\nLet us know you agree to cookies`, 'cosmetic', 'none'],
    ['a French button label captured as a line ("Télécharger")', `${base}\n\nTélécharger`, 'cosmetic', 'none'],
    ['a footer menu captured without spaces between its links', `${base}\n\nSecurityTermsPrivacyCookie PolicyHealth Data Privacy PolicyYour Privacy Choices`, 'cosmetic', 'none'],
    ['a page footer with its copyright year and a cookie prompt captured as a paragraph', `${base}\n\nBy visiting Example.org you accept our cookies to improve your visit. Design and logo © 2025 Example`, 'cosmetic', 'none'],
    ['a header line with the logo and the account buttons added', `Example logo, to the homepage\n\n${base}`, 'cosmetic', 'none'],
    ['a copyright clause with its year added (a term, not a footer)', `${base}\n\nAll articles are © 2025 Example and may not be copied without permission.`, 'substantive', 'low'],
    ['a title set as a paragraph of its own added ("Location Information")', policy('## Collection', 'Location Information', COLLECT, SHARE_HEAD, SHARE, DELETE_HEAD, DELETE), 'structure', 'low'],
    ['an e-mail address hidden by the page as "[email protected]"', base.replace('privacy@example.com', '[\\[email protected\\]](https://example.com/cdn-cgi/l/email-protection)'), 'cosmetic', 'none'],
    ['a teaser line the page repeats three times added ("Learn how Example protects your privacy.")', base.replace(SHARE_HEAD, `Learn how Example protects your privacy.\n\n${SHARE_HEAD}`).replace(DELETE_HEAD, `Learn how Example protects your privacy.\n\n${DELETE_HEAD}`).replace('## Collection', 'Learn how Example protects your privacy.\n\n## Collection'), 'cosmetic', 'none'],
    ['a clause added twice (a summary at the top restating it) is still a clause', base.replace(SHARE_HEAD, `We may sell your personal data to advertisers.\n\n${SHARE_HEAD}`).replace(DELETE_HEAD, `We may sell your personal data to advertisers.\n\n${DELETE_HEAD}`), 'substantive', 'critical'],
    ['a company name alone added as a line of the footer ("Example Inc.")', `${base}\n\nExample Inc.`, 'cosmetic', 'none'],
    ['a sentence naming the company that provides the service added', `${base}\n\nThe service is provided by Example Inc.`, 'substantive', 'low'],
    ['an e-mail address changed for another', base.replace('privacy@example.com', 'dpo@example.org'), 'substantive', 'low'],
    ["a help centre's article byline with its date and time added (\"Privacy policy Jason March 27, 2017 15:28 Follow\")", `Privacy policy Jason March 27, 2017 15:28 Follow\n\n${base}`, 'cosmetic', 'none'],
    ["a help centre's helpfulness counter added (\"Was this article helpful? 12 out of 14 found this helpful\")", `${base}\n\nWas this article helpful? 12 out of 14 found this helpful`, 'cosmetic', 'none'],
    ["a help centre's thanks for feedback added (\"Thanks! … we'll use this information to improve our online Help.\")", `${base}\n\nThanks! While we're unable to respond directly to your feedback, we'll use this information to improve our online Help.`, 'cosmetic', 'none'],
    ['a sentence with a date and a time added (a term, not a byline)', `${base}\n\nThe service will be closed on March 27, 2026 at 15:00 for maintenance.`, 'substantive', 'low'],

  ])('%s → %s / %s', (_name, after, kind, severity) => {
    const analysis = analyzeChange(base, after);
    expect(analysis.kind).toBe(kind);
    expect(analysis.severity).toBe(severity);
  });
});

describe('analyzeChange: a breadcrumb trail', () => {
  test('the trail before a page title dropped ("Support › Terms, Warranties and Notices › Example Device Terms") is cosmetic', () => {
    const page = (title: string): string => `${title}\n\n${base}`;
    const analysis = analyzeChange(page('Support › Terms, Warranties and Notices › Example Device Terms and Conditions'), page('Example Device Terms and Conditions'));
    expect([analysis.kind, analysis.severity]).toEqual(['cosmetic', 'none']);
  });
});

describe('analyzeChange: a button reworded', () => {
  test('store badges reworded ("Download on the App Store" → "Download on Apple App Store") are cosmetic', () => {
    const withBadge = (badge: string): string => base.replace('## Collection', `${badge}\n\n## Collection`);
    const analysis = analyzeChange(withBadge('Download on the App Store'), withBadge('Download on Apple App Store'));
    expect([analysis.kind, analysis.severity]).toEqual(['cosmetic', 'none']);
  });
});

describe('analyzeChange: text the capture re-flowed is structure, not a change of terms', () => {
  const table = (...rows: string[]): string => policy('## What we collect', ...rows, SHARE_HEAD, SHARE);
  test.each([
    [
      'a table row whose cells lose the column labels the old capture put before them',
      table('Why we collect it: Account creation | Type of data: Email address | Legal basis: Contract'),
      table('| Account creation | Email address | Contract |'),
      'structure',
    ],
    ['a table row whose value changed as its labels went (near miss)', table('Why we collect it: Account creation | Type of data: Email address | Legal basis: Contract'), table('| Account creation | Email address and phone number | Contract |'), 'substantive'],
    [
      'the same labelled row shown twice by the old capture, once without labels by the new one',
      table('Why we collect it: Account creation | Type of data: Email address | Legal basis: Contract', 'Why we collect it: Account creation | Type of data: Email address | Legal basis: Contract'),
      table('| Account creation | Email address | Contract |'),
      'structure',
    ],
    [
      'a title glued to the end of one clause in the new capture, to the start of the next in the old',
      policy('## Sharing', 'We answer every request within one month.', 'Links to other WebsitesOur site may link to websites run by others, whose own policies apply to them.'),
      policy('## Sharing', 'We answer every request within one month.Links to other Websites', 'Our site may link to websites run by others, whose own policies apply to them.'),
      'structure',
    ],
    ['a sentence added at the end of a clause that the old version does not hold (near miss)', policy('## Sharing', 'We answer every request within one month.', SHARE), policy('## Sharing', 'We answer every request within one month. We may extend this by two months.', SHARE), 'substantive'],
    ['store badges glued together, reworded', policy('Download on the App StoreGet it on Google Play', '## Collection', COLLECT), policy('Download on Apple App StoreGet on Google Play store', '## Collection', COLLECT), 'cosmetic'],
    [
      'two paragraphs joined, the second dropping the condition the first states ("With Privacy Mode off, if" → "If")',
      policy('## Modes', 'If you keep Privacy Mode off, we collect your prompts to improve the service.\n\nWith Privacy Mode off, if you use autocomplete, our provider may also collect prompts.'),
      policy('## Modes', 'If you keep Privacy Mode off, we collect your prompts to improve the service. If you use autocomplete, our provider may also collect prompts.'),
      'structure',
    ],
    [
      'two paragraphs joined, a negation dropped as they were (near miss)',
      policy('## Modes', 'If you keep Privacy Mode off, we collect your prompts to improve the service.\n\nWith Privacy Mode off, our provider does not collect prompts.'),
      policy('## Modes', 'If you keep Privacy Mode off, we collect your prompts to improve the service. With Privacy Mode off, our provider does collect prompts.'),
      'substantive',
    ],
    ['a pointer to the full policy added ("For more information …, see our full Privacy Policy, below.")', base, `${base}\n\nFor more information about how your data is handled, see our full Privacy Policy, below.`, 'structure'],
    ['a sentence that makes another policy part of the terms added (near miss)', base, `${base}\n\nPlease read our Cookie Policy, which is part of these terms.`, 'substantive'],
  ])('%s → %s', (_name, before, after, kind) => {
    expect(analyzeChange(before, after).kind).toBe(kind);
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

  test('a long clause whose scoring words sit in a sentence the change left alone is quoted where it changed', () => {
    const long = (list: string): string =>
      `We offer sign-in with ${list}, and more services may be added later as people ask for them in the forum. When an account from one of those services is linked to your profile, we retrieve and store some data from that service for as long as the link exists, for example the public name of the linked account and its unique identifier.`;
    const start = ['# Privacy', '## Linked accounts', long('GitHub, Google, GitLab, Facebook, Mastodon and Codeberg'), '## Contact', 'Write to help@example.com.'];
    const after = start.map((p) => (p.startsWith('We offer') ? long('GitHub, GitLab.com, Mastodon, Codeberg and the Fediverse instances we know of') : p));
    const { summary } = analyzeChange(start.join('\n\n'), after.join('\n\n'));
    expect(summary).toMatch(/it now reads “We offer sign-in with GitHub, GitLab\.com, Mastodon, Codeberg and the Fediverse instances we know of/);
    expect(summary).toMatch(/\(was “We offer sign-in with GitHub, Google, GitLab, Facebook/);
  });

  test('the changes beyond the five quoted are named by their topics, most severe first', () => {
    const start = ['# Terms', 'Welcome to Example.', '## Contact', 'Write to help@example.com.'];
    const added = [
      'All disputes will be resolved by binding individual arbitration, and you waive any class action.',
      'We share your personal data with advertising partners for targeted ads.',
      'We use your posts to train our artificial intelligence models, and you cannot opt out.',
      'You grant us a worldwide, perpetual and irrevocable licence to use, modify and sublicense the content you post.',
      'We may disclose your data to law enforcement without notice.',
      'You must be at least 16 years old to use the service.',
      'We keep your personal data for ten years after you close your account.',
      'The monthly price of the Pro plan is 12 euros.',
    ];
    const { summary } = analyzeChange(start.join('\n\n'), [...start.slice(0, 2), ...added, ...start.slice(2)].join('\n\n'));
    expect(summary).toMatch(/And 3 more changes, on \[Retention, medium\], \[Eligibility, low\] and \[Payment, low\]\.$/);
  });

  test('past six topics, the rest are counted', () => {
    const start = ['# Terms', 'Welcome to Example.'];
    const added = Array.from({ length: 5 }, (_, i) => `All disputes of kind ${i + 1} will be resolved by binding individual arbitration, and you waive any class action.`).concat([
      'We keep your personal data for ten years after you close your account.',
      'You must be at least 16 years old to use the service.',
      'The monthly price of the Pro plan is 12 euros.',
      'You must not use the service to send spam.',
      'We may suspend your account if you break these terms.',
      'This agreement is governed by the laws of Ireland.',
      'Our liability is limited to the amount you paid us in the last twelve months.',
    ]);
    const { summary } = analyzeChange(start.join('\n\n'), [...start, ...added].join('\n\n'));
    const last = summary.slice(summary.lastIndexOf('And '));
    expect(last).toMatch(/^And 7 more changes, on (\[[^\]]+\], ){5}\[[^\]]+\] and 1 other topic\.$/);
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

describe('analyzeChange: severity from the change, not the topic', () => {
  const terms = (...blocks: string[]): string => ['# Terms', 'Last updated: March 1, 2025', ...blocks].join('\n\n');
  const LICENCE = 'You grant us a worldwide licence to host and display the content you post.';

  test('AI training on user content with no opt-out is critical; with an opt-out it is high', () => {
    const none = analyzeChange(terms(LICENCE), terms(`${LICENCE} We also use the content you post to train our machine learning models.`));
    expect(none.severity).toBe('critical');
    expect(none.summary).toMatch(/\[AI training, critical\]/);
    const withOptOut = analyzeChange(terms(LICENCE), terms(`${LICENCE} We also use the content you post to train our machine learning models; you can opt out in your settings.`));
    expect(withOptOut.severity).toBe('high');
  });

  test('a company name or an address with "AI" is not AI training', () => {
    const analysis = analyzeChange(terms(LICENCE), terms(LICENCE, 'Questions? Write to Example AI Labs at help@example.ai.'));
    expect(analysis.clauses.flatMap((c) => c.clauseTypes)).not.toContain('ai-training');
    expect(analysis.severity).toBe('low');
  });

  test('a merger clause is not a sale of data', () => {
    const analysis = analyzeChange(terms(LICENCE), terms(LICENCE, 'If we sell company assets in a merger, the information we hold may pass to the buyer.'));
    expect(analysis.clauses.flatMap((c) => c.clauseTypes)).not.toContain('data-sale');
    expect(analysis.summary).not.toMatch(/Sale of data/);
  });

  test('an improvement is labelled favourable and kept below its topic level: a practice dropped one level below it', () => {
    const withArbitration = terms(LICENCE, 'All disputes will be resolved by binding arbitration and you waive any class action.');
    const analysis = analyzeChange(withArbitration, terms(LICENCE));
    expect(analysis.severity).toBe('high');
    expect(analysis.summary).toMatch(/\[Dispute resolution, high, improvement\]/);
  });

  test('a burden cut while the new version still states the practice is two levels below its topic', () => {
    const withWaiver = terms(LICENCE, 'All disputes will be resolved by binding arbitration.', 'You waive any class action.');
    const analysis = analyzeChange(withWaiver, terms(LICENCE, 'All disputes will be resolved by binding arbitration.'));
    expect(analysis.severity).toBe('medium');
    expect(analysis.summary).toMatch(/\[Dispute resolution, medium, improvement\]/);
  });

  test('a clarification in a critical topic (neither wider nor narrower) is low', () => {
    const before = terms(LICENCE, 'All disputes will be resolved by binding arbitration in your county.');
    const after = terms(LICENCE, 'All disputes will be resolved by binding arbitration in the county where you live.');
    const analysis = analyzeChange(before, after);
    expect(analysis.kind).toBe('substantive');
    expect(analysis.severity).toBe('low');
  });

  test('a retention period that grows is a medium, unfavourable change of how long data is kept', () => {
    const policyText = (n: string): string => terms(`We keep your messages for ${n} after you stop using the service.`);
    const analysis = analyzeChange(policyText('6 months'), policyText('18 months'));
    expect(analysis.severity).toBe('medium');
    const clause = analysis.clauses.find((c) => c.kind === 'substantive');
    expect(clause?.clauseTypes[0]).toBe('retention');
    expect(analysis.reasons[0]).toMatch(/how long data is kept from “6 months” to “18 months”, unfavourable/);
  });

  test('a longer deadline the user must meet before a renewal is unfavourable', () => {
    const t = (n: string): string => terms(`To avoid the next charge, you must cancel your subscription at least ${n} before the end of the current period.`);
    const analysis = analyzeChange(t('24 hours'), t('14 days'));
    expect(analysis.severity).toBe('medium');
    expect(analysis.reasons[0]).toMatch(/deadline you must meet.*unfavourable/);
  });

  test('a limit on keeping data that is dropped is unfavourable (medium), in French too; one stated is an improvement', () => {
    const en = (limit: string): string => terms(`We keep the recordings of your voice${limit} to improve the service.`);
    const dropped = analyzeChange(en(' for up to three years'), en(''));
    expect(dropped.severity).toBe('medium');
    expect(dropped.reasons[0]).toMatch(/dropped “three years” from how long data is kept, unfavourable/);
    const fr = (limite: string): string => terms(`Nous conservons les images de votre visage${limite} afin de vérifier votre identité.`);
    expect(analyzeChange(fr(' pendant 3 ans au maximum'), fr('')).severity).toBe('medium');
    expect(analyzeChange(en(''), en(' for up to three years')).reasons[0]).toMatch(/set how long data is kept to “three years”, favourable to you: an improvement \(low\)/);
  });

  test('a window of payments added to a liability cap lowers the cap: medium, unfavourable', () => {
    const cap = (window: string): string => terms(`Our total liability to you shall not exceed the fees you paid us${window}.`);
    const analysis = analyzeChange(cap(''), cap(' in the three months before the claim'));
    expect(analysis.severity).toBe('medium');
    expect(analysis.reasons[0]).toMatch(/liability counts to “three months”, unfavourable/);
  });

  test('a period dropped from a sentence that limits nothing, or added to a deletion (a delay), is no limit stated or removed', () => {
    const help = (when: string): string => terms(`Our support team answers most questions${when}, and our forum is open to everyone.`);
    expect(analyzeChange(help(' within 2 days'), help(' quickly')).severity).toBe('low');
    const erase = (when: string): string => terms(`We delete your messages ${when} you close your account.`);
    expect(analyzeChange(erase('once'), erase('two years after')).reasons.join(' ')).not.toMatch(/improvement/);
  });

  test('a clause of no known type (a company address) is shown as other terms, low', () => {
    const imprint = (address: string): string => ['# Imprint', `Example Ltd, ${address}. Phone: +44 20 1234 5678.`].join('\n\n');
    const analysis = analyzeChange(imprint('1 Old Street, London'), imprint('27 New Road, Manchester'));
    expect(analysis.severity).toBe('low');
    expect(analysis.clauses[0]?.clauseTypes).toEqual(['other']);
    expect(analysis.summary).toMatch(/\[Other, low\]/);
    // Nothing a reader can do about it: no guidance card.
    expect((analysis.guidance ?? []).map((g) => g.type)).not.toContain('other');
  });

  test('a shorter window to opt out of arbitration is labelled as dispute resolution, not as the policy on changes', () => {
    const arbitration = (days: number): string => terms('## Arbitration', `You may opt out of arbitration within ${days} days of accepting these Terms by emailing legal@example.com.`);
    const analysis = analyzeChange(arbitration(30), arbitration(10));
    expect(analysis.severity).toBe('medium');
    expect(analysis.clauses[0]?.clauseTypes[0]).toBe('dispute-resolution');
    expect(analysis.summary).toMatch(/\[Dispute resolution, medium\]/);
  });

  test('a reason names the topic, not kinds of it the change did not touch (no "biometrics" for a location change)', () => {
    const analysis = analyzeChange(terms('We collect your email address.'), terms('We collect your email address and your precise location.'));
    expect(analysis.reasons.join(' ')).toMatch(/sensitive data/);
    expect(analysis.reasons.join(' ')).not.toMatch(/biometric/i);
  });

  test('a German text turned from "Sie" to "du" is no change of substance, though the rules cannot read it', () => {
    const formal = 'Bitte behandeln Sie andere Mitglieder so, wie Sie selbst behandelt werden möchten, und antworten Sie ihnen höflich.';
    const informal = 'Bitte behandle andere Mitglieder so, wie du selbst behandelt werden möchtest, und antworte ihnen höflich.';
    const rules = (text: string): string => ['# Gemeinschaftsrichtlinien', 'Stand: 1. März 2025', text, 'Fragen? Schreiben Sie an support@example.com.'].join('\n\n');
    const analysis = analyzeChange(rules(formal), rules(informal));
    expect(analysis.severity).toBe('low');
    // A sentence the rules cannot read, added beside the same change, is still judged by its size.
    const changed = analyzeChange(rules(formal), rules(`${informal} Deine Nachrichten dürfen wir an Werbepartner weitergeben und dort auswerten lassen.`));
    expect(changed.severity).not.toBe('low');
  });

  test('a register change swaps auxiliaries and the reflexive with the pronoun ("Sie haben … Sie sich" → "du hast … du dich", "vous pouvez" → "tu peux"): no change of substance', () => {
    const rules = (text: string): string => ['# Gemeinschaftsrichtlinien', 'Stand: 1. März 2025', text, 'Fragen? Schreiben Sie an support@example.com.'].join('\n\n');
    const formal = 'Wenn Sie jemanden kennengelernt haben und Sie sich unwohl fühlen, wenden Sie sich an unseren Kundenservice.';
    const informal = 'Wenn du jemanden kennengelernt hast und du dich unwohl fühlst, wende dich an unseren Kundenservice.';
    expect(analyzeChange(rules(formal), rules(informal)).severity).toBe('low');
    const regles = (text: string): string => ['# Règles de la communauté', 'Mise à jour : 1er mars 2025', text, 'Des questions ? Écrivez à support@example.com.'].join('\n\n');
    const vous = 'Si vous avez un doute, vous pouvez contacter notre équipe et vous devez garder votre mot de passe secret.';
    const tu = 'Si tu as un doute, tu peux contacter notre équipe et tu dois garder ton mot de passe secret.';
    expect(analyzeChange(regles(vous), regles(tu)).severity).toBe('low');
  });

  test('a German rule of conduct is read, not sized: what users must not do', () => {
    const analysis = analyzeChange(base, `${base}\n\nEs ist verboten, andere Mitglieder zu belästigen oder zu bedrohen.`);
    expect(analysis.severity).toBe('low');
    expect(analysis.clauses.find((c) => c.op === 'added')?.clauseTypes).toContain('acceptable-use');
  });

  test('a German way to report a person to the platform is read as moderation, not sized', () => {
    const analysis = analyzeChange(base, `${base}\n\nWenn dich jemand belästigt, kannst du das Profil der Person direkt in der App melden.`);
    expect(analysis.severity).toBe('low');
    expect(analysis.clauses.find((c) => c.op === 'added')?.clauseTypes).toContain('content-moderation');
  });

  test('a French clause where only a light type is read is judged by its size too, and keeps its type', () => {
    const base = terms('Nous utilisons votre adresse e-mail pour gérer votre compte.');
    const added = `${base}\n\nSauf opposition de votre part, nous pouvons vous appeler pour vous présenter les offres commerciales de nos partenaires.`;
    const analysis = analyzeChange(base, added);
    expect(analysis.severity).toBe('medium');
    // The French rules read it (and found marketing, no heavy type): "not analysed" would not be true.
    expect(analysis.reasons.join(' ')).toMatch(/a clause in French read in part \(no heavy type found\): severity from the size of the change/);
    expect(analysis.reasons.join(' ')).not.toMatch(/not analysed/);
    expect(analysis.clauses.find((c) => c.op === 'added')?.clauseTypes).toContain('communications');
  });

  test('a French clause where no type is read is labelled as read in part, not as not analysed', () => {
    const base = terms('Nous utilisons votre adresse e-mail pour gérer votre compte.');
    const added = `${base}\n\nNotre équipe compte vingt personnes qui travaillent depuis 2015 entre Paris, Lyon et Bordeaux pour vous.`;
    const analysis = analyzeChange(base, added);
    expect(analysis.severity).toBe('medium');
    expect(analysis.summary).toMatch(/\[French, read in part, medium\]/);
  });

  test('the same period in German is read too', () => {
    const policyText = (n: string): string => terms(`Wenn Sie sich nicht anmelden, wird Ihr Konto nach ${n} Monaten Inaktivität gelöscht.`);
    const analysis = analyzeChange(policyText('6'), policyText('18'));
    expect(analysis.severity).toBe('medium');
  });

  test('text the rules cannot read is judged by size, with the language named, never a confident low', () => {
    const it = (s: string): string => terms(`I tuoi dati sono conservati per il tempo necessario e ${s} per finalità di sicurezza.`);
    const analysis = analyzeChange(it('non sono condivisi con terzi'), it('sono condivisi con i nostri partner commerciali'));
    expect(analysis.severity).toBe('medium');
    expect(analysis.reasons.join(' ')).toMatch(/not analysed in Italian/);
    expect(analysis.summary).toMatch(/\[not analysed in Italian, medium\]/);
  });
});

describe('analyzeChange: moves, re-flows and page clutter', () => {
  const doc = (...blocks: string[]): string => ['# Privacy', 'Last updated: March 1, 2025', ...blocks].join('\n\n');
  const A = 'We share your personal data with service providers who host the site for us.';
  const B = 'We keep your data for as long as your account is open.';

  test('a provision joined into another paragraph is moved, not removed', () => {
    const analysis = analyzeChange(doc('## Sharing', A, '## Keeping', B), doc('## Sharing and keeping', `${B} ${A} Both rules apply worldwide.`));
    expect(analysis.clauses.filter((c) => c.op === 'removed' && c.kind === 'substantive').map((c) => c.before)).not.toContain(A);
    expect(analysis.summary).not.toMatch(/Removed/);
  });

  test('a table re-flowed into a list compares as its words', () => {
    const table = '| Purpose | Data |\n| --- | --- |\n| Billing | payment details and address |\n| Support | email and chat history |';
    const list = '- Billing: payment details and address\n- Support: email and chat history';
    const analysis = analyzeChange(doc(table), doc(list));
    expect(analysis.kind).not.toBe('substantive');
    expect(analysis.severity).toBe('low');
  });

  test('a run of navigation links the capture lost is cosmetic', () => {
    const nav = ['About us', 'Help centre', 'Was this page helpful?', 'Copy link'].join('\n\n');
    const analysis = analyzeChange(doc(A, nav), doc(A));
    expect(analysis.kind).toBe('cosmetic');
    expect(analysis.severity).toBe('none');
  });

  test('date stamps in relative form or with a link label beside them are cosmetic', () => {
    expect(analyzeChange(doc(A, 'Last updated: 2 months ago'), doc(A, 'Last updated: 3 months ago')).kind).toBe('cosmetic');
    expect(analyzeChange(doc(A, 'Effective October 8, 2025'), doc(A, 'Effective March 2, 2026 Previous Version')).kind).toBe('cosmetic');
  });
});

describe('analyzeChange: summaries and guidance', () => {
  test('the most severe change comes first and its decisive sentence is quoted whole, with the sentences the change wrote after it', () => {
    const long = 'We may use the content you post for many purposes described in this policy, including operating, securing and improving our services and features for everyone who uses them.';
    const before = ['# Terms', long, 'Contact us at help@example.com.'].join('\n\n');
    const added = 'You cannot opt out of this use, and it continues after you delete your account.';
    const after = ['# Terms', `${long} We also use it to train our artificial intelligence models. ${added}`, 'Contact us at support@example.com.'].join('\n\n');
    const analysis = analyzeChange(before, after);
    expect(analysis.summary.match(/\[[^\]]+\]/g)?.[0]).toBe('[AI training, critical]');
    // The new sentence that says the user cannot opt out is quoted with the one that scored, not cut off behind it.
    expect(analysis.summary).toContain(`“… We also use it to train our artificial intelligence models. ${added}” [AI training, critical]`);
  });

  test('sentences the change wrote after the decisive one are quoted only while the quote stays within its bound', () => {
    const long = 'We may use the content you post for many purposes described in this policy, including operating, securing and improving our services and features for everyone who uses them.';
    const before = ['# Terms', long, 'Contact us at help@example.com.'].join('\n\n');
    const tail = 'This applies to every product, feature, beta programme, partner integration, mobile application, browser extension and any other surface through which you submit content to us, now or in the future, in every country where the service is offered, whatever the language of the content, whatever its format, and whether you submitted it while signed in to an account of your own or to an account that an employer, a school or another organisation manages for you.';
    const after = ['# Terms', `${long} We also use it to train our artificial intelligence models. ${tail}`, 'Contact us at help@example.com.'].join('\n\n');
    const { summary } = analyzeChange(before, after);
    expect(summary).toContain('“… We also use it to train our artificial intelligence models. …” [AI training, critical]');
    expect(summary).not.toContain('beta programme');
  });

  test('the analysis carries what the user can do and the regulations engaged, per type that scored', () => {
    const analysis = analyzeChange(base, base.replace(SHARE, `${SHARE} We also sell your personal data to data brokers.`));
    expect(analysis.guidance?.[0]).toMatchObject({ type: 'data-sale', severity: 'critical' });
    expect(analysis.guidance?.[0].actions.length).toBeGreaterThan(0);
    expect(analysis.guidance?.[0].regulations.join(' ')).toMatch(/CCPA/);
  });
});

describe('analyzeChange: a disclosure moved to a separate notice', () => {
  test('a rights section replaced by a pointer to a separate rights notice is medium, not a removal of rights', () => {
    const rights = ['## Your privacy rights', 'You have the right to access, correct and delete the personal data we hold about you.', 'You may also object to processing and lodge a complaint with a supervisory authority.'];
    const before = ['# Privacy', 'We collect your email address.', ...rights].join('\n\n');
    const after = ['# Privacy', 'We collect your email address.', 'Your privacy rights are described in our separate Privacy Rights Notice; please see that notice.'].join('\n\n');
    const analysis = analyzeChange(before, after);
    expect(analysis.severity).toBe('medium');
    expect(analysis.reasons.join(' ')).toMatch(/separate notice/);
  });
});

describe('analyzeChange: a section replaced in place by a pointer', () => {
  const deletion = ['## Residents of Ontario', 'You have the right to request that we delete the personal data we hold about you.', 'We will answer your request within 30 days.'];
  const head = ['# Privacy', 'We collect your email address.'];
  const tail = ['## Contact', 'Write to our data protection team with any question.'];

  test('a rights section whose place now holds a pointer to a separate notice (its name abbreviated) moved there: medium', () => {
    const before = [...head, ...deletion, ...tail].join('\n\n');
    const after = [...head, 'Details for residents of some regions can be found in our N.A. Regional Notice.', ...tail].join('\n\n');
    const analysis = analyzeChange(before, after);
    expect(analysis.severity).toBe('medium');
    expect(analysis.reasons.join(' ')).toMatch(/separate notice/);
  });

  test('a pointer elsewhere on another subject does not excuse the removal of a right', () => {
    const before = [...head, ...deletion, ...tail].join('\n\n');
    const after = [...head, ...tail, 'Details about our cookies can be found in our Cookie Notice.'].join('\n\n');
    expect(analyzeChange(before, after).severity).toBe('critical');
  });
});

describe('analyzeChange: a practice widened by an item added to its list', () => {
  const doc = (licence: string, sharing: string, conduct: string): string => ['# Terms', '## Your content', licence, '## Sharing', sharing, '## Conduct', conduct].join('\n\n');
  const licence = 'You grant us a licence to use, copy and display your photos only to run the service';
  const sharing = 'We do not share your contact details with advertisers';
  const conduct = 'You must not post spam, chain letters';
  const base = doc(`${licence}.`, `${sharing}.`, `${conduct}.`);

  test('a licence whose purposes gain an item is widened: high, unfavourable', () => {
    const analysis = analyzeChange(base, doc(`${licence}, and to promote our other products.`, `${sharing}.`, `${conduct}.`));
    expect(analysis.severity).toBe('high');
    expect(analysis.reasons[0]).toMatch(/^widened the licence you grant over your content: added “and to promote our other products”/);
  });

  test('an item added to what the platform does not do, or to what the user must not do, widens no practice', () => {
    expect(analyzeChange(base, doc(`${licence}.`, `${sharing}, or with data brokers.`, `${conduct}.`)).severity).toBe('low');
    expect(analyzeChange(base, doc(`${licence}.`, `${sharing}.`, `${conduct}, or pyramid schemes.`)).severity).toBe('low');
  });
});

describe('analyzeChange: a topic named in passing', () => {
  test('removing an arbitration clause that names unauthorized access in passing removes no security notice: an improvement', () => {
    const head = ['# Terms', '## Disputes', 'You can contact us first to settle any complaint.'];
    const tail = ['## Other', 'These terms are the entire agreement.'];
    const clause = 'All disputes will be resolved by binding arbitration, except claims about unauthorized access to your account.';
    const analysis = analyzeChange([...head, clause, ...tail].join('\n\n'), [...head, ...tail].join('\n\n'));
    // The arbitration agreement dropped (the new version states none): high, as an improvement.
    expect(analysis.severity).toBe('high');
    expect(analysis.summary).toMatch(/\[Dispute resolution, high, improvement\]/);
    expect(analysis.reasons.join(' ')).not.toMatch(/disclosure removed/);
  });
});

describe('analyzeChange: cues read the right way', () => {
  const disputes = (...extra: string[]): string => ['# Terms', '## Disputes', 'Disputes will be resolved by binding arbitration in Delaware.', ...extra].join('\n\n');

  test('a class waiver added as a negation ("does not permit class arbitration") is a new waiver: critical, unfavourable', () => {
    const analysis = analyzeChange(disputes(), disputes('This agreement does not permit class arbitration or class actions.'));
    expect(analysis.severity).toBe('critical');
    expect(analysis.clauses.find((c) => c.op === 'added')?.direction).toBe('worse');
  });

  test('removing a passage that names a data breach in passing removes no security notice; removing a breach notice does', () => {
    const passing = analyzeChange(disputes('Either of us may go to court over a dispute about a data breach or about patents.'), disputes());
    expect(passing.severity).toBe('low');
    expect(passing.reasons.join(' ')).not.toMatch(/protected you|disclosure removed/);
    const notice = ['# Security', 'We encrypt the data we hold.'];
    const removed = analyzeChange([...notice, 'If a data breach affects your personal data, we will notify you within 72 hours.'].join('\n\n'), notice.join('\n\n'));
    expect(removed.severity).toBe('high');
  });
});

describe('analyzeChange: a banner announcing an update is not the policy on changes', () => {
  const terms = (...middle: string[]): string => ['# Terms of Service', 'Welcome to the service.', ...middle, 'You must follow these rules.'].join('\n\n');

  test('one update notice replaced by the next is low, in English and in French', () => {
    const en = analyzeChange(terms('We updated our Terms of Service on April 2, 2024 to describe our new features.'), terms('We are updating our Terms of Service. These updates take effect on January 1, 2026.'));
    expect(en.severity).toBe('low');
    expect(en.reasons.join(' ')).not.toMatch(/disclosure removed/);
    const fr = analyzeChange(terms('Nous avons mis à jour nos conditions de service le 2 avril 2024 pour décrire nos nouveautés.'), terms('Nous mettons à jour nos conditions de service. Ces mises à jour prendront effet le 1er janvier 2026.'));
    expect(fr.severity).toBe('low');
  });

  test('the policy on how changes are told, removed, is still a disclosure removed', () => {
    const analysis = analyzeChange(terms('We will notify you by email of any material change to these terms 30 days before it applies.'), terms());
    expect(analysis.severity).toBe('high');
  });
});

describe('analyzeChange: link targets written as text', () => {
  test('a URL that changed alone is cosmetic', () => {
    const doc = (url: string): string => ['# Privacy', `Read the full policy at ${url} before you sign up.`].join('\n\n');
    expect(analyzeChange(doc('https://example.com/en-us/privacy'), doc('www.example.com/en-gb/privacy')).kind).toBe('cosmetic');
  });
});

describe('analyzeChange: outline', () => {
  test('bold titles turned into headings are structure', () => {
    const body = 'We may update the service from time to time.';
    const analysis = analyzeChange(['# Terms', '**1. The service**', body].join('\n\n'), ['# Terms', '## 1. The service', body].join('\n\n'));
    expect(analysis.kind).toBe('structure');
    expect(analysis.severity).toBe('low');
  });
});

describe('analyzeChange: numbering only', () => {
  test('a renumbered cross-reference is structure; a changed age is not', () => {
    const doc = (n: string, age: string): string => ['# Terms', `Disputes are handled as set out in Section ${n} below.`, `You must be at least ${age} years old.`].join('\n\n');
    expect(analyzeChange(doc('14', '13'), doc('15', '13')).kind).toBe('structure');
    expect(analyzeChange(doc('14', '13'), doc('14', '16')).kind).toBe('substantive');
  });
});

describe('rememberedSearch (the whole-version look-up, indexed after a few scans)', () => {
  it('answers as String.includes for every key, before and after the text is indexed', () => {
    const hay = 'we  keep your data for 30 days; we share\u00a0it with partners. data sharing ends  ';
    const words = ['we', 'keep', 'your', 'data', 'for', '30', 'days;', 'share', 'it', 'with', 'partners.', 'sharing', 'ends', 'ee', 'ata', 'hare', 'x', ''];
    const keys: string[] = [];
    for (const a of words) for (const b of words) keys.push(`${a} ${b}`, `${a.slice(1)} ${b}`, `${a} ${b} `, `${a}  ${b}`);
    keys.push(hay, `${hay}x`, ' ', '  ', 'days; we share\u00a0it', 'e share\u00a0it with partners. data');
    const search = rememberedSearch(() => hay);
    // Asked twice: the second time from the remembered answers.
    for (const key of [...keys, ...keys]) expect([key, search(key)]).toEqual([key, hay.includes(key)]);
    expect(keys.filter((k) => hay.includes(k)).length).toBeGreaterThan(20);
  });
});
