import { ChangeAnalysis, Direction, Severity } from './analyzer.types';
import { analyzeChange } from './change.analyzer';
import { severityRank } from './severity.scorer';

// The severity rubric of DESIGN.md ("Analysis"), row by row, on self-written changes: each topic (the ceiling) crossed
// with each kind of change (a duty added on the user, a right removed, a practice widened or narrowed, a number moved
// either way, an improvement, a neutral rewording, a move, clutter). The expected levels and direction of every row
// were written from the rubric before the analyzer was run on it; a row allows several levels only where the rubric
// leaves the level open (an improvement is "at most the level of its topic").
//
// Each row is a passage of one document: `old` and `new` stand between the same unchanged paragraphs. The direction
// checked is that of the most severe substantive clause change ('neutral' when there is none). Rows that needed a rule
// the rule tables lacked were added with the rule and its own example (a seventh pass, below); rows the analyzer still
// reads wrongly are run as failing, each with its reason.

type Row = [name: string, old: string, updated: string, severities: Severity[], directions: Direction[]];

const doc = (body: string): string =>
  ['# Terms and Privacy Policy', 'Last updated: March 1, 2025', 'This document explains the rules for using the Example service and how Example handles information about you.', body, '## Contact', 'You can reach our support team through the help centre.'].join('\n\n');

const W: Direction[] = ['worse'];
const B: Direction[] = ['better'];
const N: Direction[] = ['neutral'];
const ANY: Direction[] = ['worse', 'better', 'neutral'];

function leadDirection(analysis: ChangeAnalysis): Direction {
  const substantive = analysis.clauses.filter((c) => c.kind === 'substantive').sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  return substantive[0]?.direction ?? 'neutral';
}

const ARB = 'All disputes between you and Example will be resolved by binding individual arbitration, and you waive any right to a jury trial or to take part in a class action.';
const TRAIN = 'We use the content you post and your conversations with the assistant to train and improve our artificial intelligence models.';
const SHARE = 'We share your personal data with service providers who host and support the service on our behalf.';
const DELETE = 'You can request the deletion of your personal data at any time from your account settings.';
const LICENCE_NARROW = 'You grant Example a licence to host and display the content you post, only to operate the service.';
const LICENCE_WIDE = 'You grant Example a worldwide, perpetual, irrevocable and royalty-free licence to use, copy, modify, sublicense and distribute the content you post, for any purpose.';

const rows: Row[] = [
  // Arbitration and waivers (critical topic).
  ['arbitration and class waiver added (a right removed)', 'Disputes may be brought before the courts of your place of residence.', `Disputes may be brought before the courts of your place of residence. ${ARB}`, ['critical'], W],
  ['arbitration opt-out window shortened (a number down, harmful)', `${ARB} You may opt out of this arbitration agreement by writing to us within 60 days of accepting these terms.`, `${ARB} You may opt out of this arbitration agreement by writing to us within 15 days of accepting these terms.`, ['medium', 'high'], W],
  ['arbitration opt-out window lengthened (a number up, helpful)', `${ARB} You may opt out of this arbitration agreement by writing to us within 15 days of accepting these terms.`, `${ARB} You may opt out of this arbitration agreement by writing to us within 60 days of accepting these terms.`, ['low', 'medium'], B],
  ['arbitration opt-out added (an improvement)', ARB, `${ARB} You may opt out of this arbitration agreement by writing to us within 30 days of accepting these terms.`, ['low', 'medium'], B],
  ['arbitration clause removed (an improvement): the new version states no arbitration, a practice dropped, high as the rubric\'s Steam', `## Disputes\n\n${ARB}\n\n## Termination\n\nYou may stop using the service at any time.`, '## Termination\n\nYou may stop using the service at any time.', ['high'], B],
  ['arbitration clause reworded, same scope (neutral rewording in a heavy topic)', ARB, 'Any dispute between you and Example will be settled by binding individual arbitration, and you waive any right to a jury trial or to take part in a class action.', ['low'], N],
  ['arbitration and class waiver added, in French', 'Les litiges peuvent être portés devant les tribunaux de votre lieu de résidence.', 'Les litiges peuvent être portés devant les tribunaux de votre lieu de résidence. Tout litige sera soumis à un arbitrage individuel contraignant et vous renoncez à toute action collective.', ['critical'], W],
  ['arbitration and class waiver added, in Spanish', 'Las disputas pueden presentarse ante los tribunales de su lugar de residencia.', 'Las disputas pueden presentarse ante los tribunales de su lugar de residencia. Todas las disputas se resolverán mediante arbitraje vinculante y usted renuncia a cualquier demanda colectiva.', ['critical'], W],

  // AI training (critical topic).
  ['AI training on user content added with no opt-out', 'We use the content you post to operate and secure the service.', `We use the content you post to operate and secure the service. ${TRAIN}`, ['critical'], W],
  ['AI training added with an opt-out', 'We use the content you post to operate and secure the service.', `We use the content you post to operate and secure the service. ${TRAIN} You can opt out of this use in your privacy settings.`, ['high'], W],
  ['AI training opt-out removed (a right removed)', `${TRAIN} You can opt out of this use in your privacy settings.`, TRAIN, ['high', 'critical'], W],
  ['AI training widened to private messages (a practice widened)', 'We use your public posts to train our artificial intelligence models.', 'We use your public posts and your private messages to train our artificial intelligence models.', ['high', 'critical'], W],
  ['AI training narrowed to public posts (a practice narrowed)', 'We use your public posts and your private messages to train our artificial intelligence models.', 'We use your public posts to train our artificial intelligence models.', ['low', 'medium'], B],
  ['AI training stopped (an improvement)', `We use the content you post to operate the service. ${TRAIN}`, 'We use the content you post to operate the service. We do not use your content to train artificial intelligence models.', ['low', 'medium'], B],
  ['AI training added, in French', 'Nous utilisons vos contenus pour fournir le service.', "Nous utilisons vos contenus pour fournir le service. Nous utilisons également vos contenus et vos conversations pour entraîner nos modèles d'intelligence artificielle.", ['critical'], W],
  ['an AI team named in a contact line (a name, not a practice)', 'Questions about the assistant can be sent to our support team.', 'Questions about the assistant can be sent to the Example AI team at ai@example.com.', ['low'], ANY],

  // Sale of personal data (critical topic).
  ['sale of personal data introduced', SHARE, `${SHARE} We also sell your personal information to data brokers.`, ['critical'], W],
  ['"we do not sell" turned into a sale', `${SHARE} We do not sell your personal information.`, `${SHARE} We may sell your personal information to our business partners.`, ['critical'], W],
  ['a promise not to sell added (an improvement)', SHARE, `${SHARE} We do not sell your personal information to anyone.`, ['low', 'medium'], B],
  ['a right to opt out of sale stated (a right added, no sale)', SHARE, `${SHARE} You have the right to opt out of the sale of your personal information.`, ['low', 'medium'], ['better', 'neutral']],
  ['data passed on in a merger (corporate asset sale, not a sale of data)', SHARE, `${SHARE} If Example is involved in a merger or a sale of company assets, your information may be transferred to the buyer.`, ['low', 'medium'], ANY],

  // Sensitive data (high topic).
  ['precise location collection added', 'We collect your name and your email address.', 'We collect your name and your email address. We also collect the precise location of your device while the app is running.', ['high'], W],
  ['biometric collection added, in German', 'Wir erheben Ihren Namen und Ihre E-Mail-Adresse.', 'Wir erheben Ihren Namen und Ihre E-Mail-Adresse. Wir erheben außerdem biometrische Daten, um Ihre Identität zu überprüfen.', ['high'], W],
  ['a time limit on keeping face scans dropped', 'We keep scans of your face for no longer than three years.', 'We keep scans of your face.', ['medium', 'high'], W],

  // Deletion and access rights (critical topic).
  ['deletion right removed', `## Your rights\n\n${DELETE}\n\n## Security\n\nWe protect the service with industry-standard measures.`, '## Security\n\nWe protect the service with industry-standard measures.', ['critical'], W],
  ['access and correction right removed', 'You have the right to access and correct the personal data we hold about you. We protect the service with industry-standard measures.', 'We protect the service with industry-standard measures.', ['critical'], W],
  ['deletion right added (an improvement)', 'We protect the service with industry-standard measures.', `We protect the service with industry-standard measures. ${DELETE}`, ['low', 'medium'], B],
  ['deletion right reworded, same right (neutral rewording in a heavy topic)', DELETE, 'At any time, you can ask us to delete your personal data from your account settings.', ['low'], N],
  ['deletion right removed, in Spanish', '## Sus derechos\n\nPuede solicitar la eliminación de sus datos personales en cualquier momento.\n\n## Seguridad\n\nProtegemos el servicio con medidas de seguridad estándar.', '## Seguridad\n\nProtegemos el servicio con medidas de seguridad estándar.', ['critical'], W],

  // Retention (medium topic).
  ['retention period lengthened', 'We keep your personal data for 30 days after you close your account.', 'We keep your personal data for 180 days after you close your account.', ['medium'], W],
  ['retention period shortened (an improvement)', 'We keep your personal data for 180 days after you close your account.', 'We keep your personal data for 30 days after you close your account.', ['low', 'medium'], B],
  ['retention limit dropped', 'We keep server logs for 90 days.', 'We keep server logs for as long as we need them.', ['medium'], W],
  ['retention period lengthened, in French', 'Nous conservons vos données personnelles pendant 1 an après la fermeture de votre compte.', 'Nous conservons vos données personnelles pendant 5 ans après la fermeture de votre compte.', ['medium'], W],

  // Data sharing (high topic).
  ['sharing widened to advertising partners', SHARE, 'We share your personal data with service providers who host and support the service on our behalf, and with advertising partners.', ['high'], W],
  ['sharing with data brokers added', SHARE, `${SHARE} We may also share your personal information with data brokers.`, ['high'], W],
  ['sharing with advertisers cut (a practice narrowed)', 'We share your personal data with service providers who host the service, and with advertising partners.', 'We share your personal data with service providers who host the service.', ['low', 'medium'], B],
  ['sharing section removed (a disclosure removed)', `## Sharing\n\n${SHARE}\n\n## Security\n\nWe protect the service with industry-standard measures.`, '## Security\n\nWe protect the service with industry-standard measures.', ['high'], W],
  ['sharing clause reworded, same recipients (neutral rewording)', SHARE, 'We share your personal data with the service providers that host and support the service for us.', ['low'], N],
  ['sharing with advertisers added, in Spanish', 'Compartimos sus datos personales con proveedores de servicios.', 'Compartimos sus datos personales con proveedores de servicios. También compartimos sus datos personales con anunciantes y socios publicitarios.', ['high'], W],

  // Tracking (medium topic).
  ['tracking widened across other websites', 'We use cookies to keep you signed in.', 'We use cookies to keep you signed in and to track your activity across other websites.', ['medium', 'high'], W],
  ['Do Not Track no longer honoured', 'We honour Do Not Track signals sent by your browser.', 'We do not respond to Do Not Track signals sent by your browser.', ['medium'], W],

  // Liability (medium topic).
  ['liability cap added', 'We are liable for the damages we cause.', 'We are liable for the damages we cause. In no event will our total liability exceed the fees you paid in the last 12 months.', ['medium'], W],
  ['liability cap window shortened', 'In no event will our total liability exceed the fees you paid in the 12 months before the claim.', 'In no event will our total liability exceed the fees you paid in the 3 months before the claim.', ['medium'], W],
  ['warranty disclaimer removed (an improvement)', 'The service is provided as is, without warranties of any kind. You may stop using the service at any time.', 'You may stop using the service at any time.', ['low', 'medium'], B],

  // Account termination (medium topic).
  ['termination widened to any reason without notice', 'We may suspend your account if you break these terms.', 'We may suspend or terminate your account at any time, for any reason, without notice.', ['medium'], W],
  ['notice before termination shortened', 'We will give you 30 days of notice before we terminate your account.', 'We will give you 7 days of notice before we terminate your account.', ['medium'], W],
  ['termination narrowed to breaches, with notice (an improvement)', 'We may terminate your account at any time, for any reason, without notice.', 'We may terminate your account only if you break these terms, and we will notify you first.', ['low', 'medium'], B],

  // Policy changes (high topic).
  ['notice period for changes shortened', 'We will notify you 30 days before changes to these terms take effect.', 'We will notify you 7 days before changes to these terms take effect.', ['medium'], W],
  ['notice period for changes lengthened (an improvement)', 'We will notify you 7 days before changes to these terms take effect.', 'We will notify you 30 days before changes to these terms take effect.', ['low', 'medium'], B],
  ['changes section removed (a disclosure removed)', '## Changes to these terms\n\nWe will notify you by email before changes to these terms take effect.\n\n## Security\n\nWe protect the service with industry-standard measures.', '## Security\n\nWe protect the service with industry-standard measures.', ['high'], W],
  ['notice period for changes shortened, in German', 'Wir informieren Sie 30 Tage im Voraus über Änderungen dieser Bedingungen.', 'Wir informieren Sie 7 Tage im Voraus über Änderungen dieser Bedingungen.', ['medium'], W],

  // Content licence (high topic).
  ['licence on user content widened', LICENCE_NARROW, LICENCE_WIDE, ['high'], W],
  ['licence on user content narrowed (an improvement)', LICENCE_WIDE, LICENCE_NARROW, ['low', 'medium'], B],
  ['licence the platform grants the user reworded (not a licence on user content)', 'Example grants you a limited licence to use the app.', 'Example grants you a limited, personal licence to use the app on devices you own.', ['low'], ANY],

  // Security and children (high topics): notices removed.
  ["children's section removed", "## Children\n\nWe do not knowingly collect personal data from children under 13, and we delete it when we learn of it.\n\n## Security\n\nWe protect the service with industry-standard measures.", '## Security\n\nWe protect the service with industry-standard measures.', ['high'], W],

  // Light and medium topics.
  ['governing law changed', 'These terms are governed by the laws of California.', 'These terms are governed by the laws of Delaware.', ['low', 'medium'], ANY],
  ['venue moved away from the user', 'You may bring claims before the courts where you live.', 'You may bring claims only before the courts of San Francisco, California.', ['medium'], W],
  ['new data category collected', 'We collect your name and your email address.', 'We collect your name, your email address and your phone contacts.', ['medium'], W],
  ['a data category no longer collected (an improvement)', 'We collect your name, your email address and your phone contacts.', 'We collect your name and your email address.', ['low'], B],
  ['indemnity added (a duty on the user)', 'You are responsible for the content you post.', 'You are responsible for the content you post. You agree to indemnify and hold Example harmless from any claims arising from your use of the service.', ['medium'], W],
  ['a prohibited use added (a duty on the user, light topic)', 'You must not use the service to break the law.', 'You must not use the service to break the law. You must not use automated tools to access the service.', ['low'], W],
  ['cancellation deadline before renewal lengthened', 'You must cancel at least 24 hours before the renewal date to avoid being charged.', 'You must cancel at least 7 days before the renewal date to avoid being charged.', ['medium'], W],
  ['minimum age raised (eligibility)', 'You must be at least 13 years old to use the service.', 'You must be at least 16 years old to use the service.', ['low'], ANY],
  ['contact details changed', 'You can write to us at 1 Main Street, Springfield.', 'You can write to us at 20 Market Square, Springfield, or by email at help@example.com.', ['low'], ANY],
  ['a definition clarified', '"Content" means the text you post.', '"Content" means the text, images and videos you post on the service.', ['low', 'medium'], ANY],

  // Moves, re-flows and clutter.
  ['a passage moved to another section', `## Sharing\n\n${SHARE}\n\n## Your rights\n\n${DELETE}`, `## Your rights\n\n${DELETE}\n\n## Sharing\n\n${SHARE}`, ['low'], N],
  ['a paragraph re-flowed into two', `${SHARE} ${DELETE}`, `${SHARE}\n\n${DELETE}`, ['low'], N],
  ['a heading renamed', `## Sharing\n\n${SHARE}`, `## Who receives your data\n\n${SHARE}`, ['low'], N],
  ['a link target changed', 'Read our [cookie notice](https://example.com/en-us/cookies) to learn more.', 'Read our [cookie notice](https://example.com/en-gb/legal/cookies) to learn more.', ['none'], N],
  ['a date stamp changed inside the body', 'Effective October 8, 2025', 'Effective January 12, 2026', ['none'], N],
  ['a renumbered cross-reference', 'Disputes are handled as described in Section 14.', 'Disputes are handled as described in Section 15.', ['low'], N],
  ['navigation links added by the capture', SHARE, `Home\n\nBlog\n\nCareers\n\nHelp centre\n\n${SHARE}`, ['none'], N],
  ['a typo fixed', 'We protect the servcie with industry-standard measures.', 'We protect the service with industry-standard measures.', ['none', 'low'], N],
  // A second pass over the same grid: more topics, languages and kinds of change.
  ['class action waiver added alone', 'You may bring claims against Example in court.', 'You may bring claims against Example in court, but only individually: you waive any right to bring or join a class action.', ['critical'], W],
  ['time limit to bring claims added (a right cut short)', 'You may bring claims against Example in court.', 'You may bring claims against Example in court. Any claim must be filed within one year after it arises, or it is permanently barred.', ['high', 'critical'], W],
  ['jury waiver removed (an improvement)', 'Disputes are decided by a judge, and you waive any right to a jury trial. You may also contact support first.', 'Disputes are decided by a judge. You may also contact support first.', ['low', 'medium'], B],
  ['class action waiver added, in German', 'Sie können Ansprüche gegen Example vor Gericht geltend machen.', 'Sie können Ansprüche gegen Example vor Gericht geltend machen. Sie verzichten auf die Teilnahme an Sammelklagen.', ['critical'], W],
  ['"we do not train on your data" turned into "we may"', 'We do not use your personal data or content to train our artificial intelligence models.', 'We may use your personal data and content to train our artificial intelligence models.', ['critical'], W],
  ['AI training clause reworded in the passive (neutral rewording)', 'We use the content you post to train our artificial intelligence models.', 'The content you post is used to train our artificial intelligence models.', ['low'], N],
  ['AI training added, in Spanish', 'Utilizamos sus datos para prestar el servicio.', 'Utilizamos sus datos para prestar el servicio. También utilizamos sus datos y contenidos para entrenar nuestros modelos de inteligencia artificial.', ['critical'], W],
  ['an AI feature described (a product, not training)', 'The app lets you edit photos.', 'The app lets you edit photos. Our AI assistant can suggest captions for your photos.', ['low', 'medium'], ANY],
  ['sale of personal data introduced, in Spanish', 'Compartimos sus datos con proveedores de servicios.', 'Compartimos sus datos con proveedores de servicios. Vendemos su información personal a terceros.', ['critical'], W],
  ['state-law rights list that names the sale of data (no sale)', 'Residents of some states have privacy rights.', 'Residents of some states have the right to know, to delete and to opt out of the sale of their personal information.', ['low', 'medium'], ['better', 'neutral']],
  ['sale of data stopped (an improvement)', `${SHARE} We sell your personal information to advertisers.`, SHARE, ['low', 'medium'], B],
  ['biometric collection stopped (an improvement)', 'We collect your name and biometric data such as your fingerprint to unlock the app.', 'We collect your name.', ['low', 'medium'], B],
  ['precise location collection added, in Spanish', 'Recopilamos su nombre y su dirección de correo electrónico.', 'Recopilamos su nombre y su dirección de correo electrónico. También recopilamos la ubicación precisa de su dispositivo.', ['high'], W],
  ['deletion right removed, in French', '## Vos droits\n\nVous pouvez demander la suppression de vos données personnelles à tout moment.\n\n## Sécurité\n\nNous protégeons le service par des mesures de sécurité adaptées.', '## Sécurité\n\nNous protégeons le service par des mesures de sécurité adaptées.', ['critical'], W],
  ['access right removed, in German', '## Ihre Rechte\n\nSie haben das Recht auf Auskunft über Ihre personenbezogenen Daten.\n\n## Sicherheit\n\nWir schützen den Dienst mit angemessenen Maßnahmen.', '## Sicherheit\n\nWir schützen den Dienst mit angemessenen Maßnahmen.', ['critical'], W],
  ['deletion right reworded, in French (neutral rewording)', 'Vous pouvez demander la suppression de vos données personnelles à tout moment.', 'À tout moment, vous pouvez nous demander de supprimer vos données personnelles.', ['low'], N],
  ['time to act on a deletion request lengthened', 'We delete your personal data within 30 days of your request.', 'We delete your personal data within 90 days of your request.', ['medium'], W],
  ['retention period lengthened, in German', 'Wir speichern Ihre personenbezogenen Daten für 6 Monate.', 'Wir speichern Ihre personenbezogenen Daten für 24 Monate.', ['medium'], W],
  ['retention period shortened, in Spanish (an improvement)', 'Conservamos sus datos personales durante 5 años.', 'Conservamos sus datos personales durante 1 año.', ['low', 'medium'], B],
  ['disclosure to authorities widened beyond the law', 'We disclose personal data to public authorities when the law requires it.', 'We disclose personal data to public authorities when the law requires it or when we believe disclosure is appropriate.', ['medium', 'high'], W],
  ['sharing with affiliates added', SHARE, `${SHARE} We also share your personal data with our affiliates for their own purposes.`, ['medium', 'high'], W],
  ['advertising cookies stopped (an improvement)', 'We use cookies to keep you signed in and to show you personalised ads.', 'We use cookies to keep you signed in.', ['low', 'medium'], B],
  ['liability cap amount lowered', 'In no event will our total liability exceed $500.', 'In no event will our total liability exceed $100.', ['medium'], W],
  ['termination for any reason added', 'You may close your account at any time.', 'You may close your account at any time. We may terminate your account for any reason.', ['medium'], W],
  ['notice period for changes shortened, in French', "Nous vous informerons 30 jours avant l'entrée en vigueur des modifications.", "Nous vous informerons 15 jours avant l'entrée en vigueur des modifications.", ['medium'], W],
  ['licence made to survive deletion (a licence widened)', `${LICENCE_NARROW} This licence ends when you delete your content.`, `${LICENCE_NARROW} This licence continues after you delete your content.`, ['high'], W],
  ['marketing by default instead of by consent', 'We send you marketing emails only if you opt in.', 'We send you marketing emails unless you opt out.', ['low', 'medium'], W],
  ['refund window shortened', 'You can request a refund within 30 days of your purchase.', 'You can request a refund within 14 days of your purchase.', ['medium'], W],
  ['a relative link target changed', 'Read our [privacy policy](/privacy) for details.', 'Read our [privacy policy](/en/legal/privacy) for details.', ['none'], N],
  ['an effective date in the body changed', 'Effective date: 1 March 2025', 'Effective date: 12 June 2025', ['none'], N],
  ['a numbered heading renumbered', `## 4. Sharing\n\n${SHARE}`, `## 5. Sharing\n\n${SHARE}`, ['low'], N],
  ['straight quotes turned curly', "We don't sell your data to anyone.", 'We don’t sell your data to anyone.', ['none'], N],
  ['a logo image changed', '![Example logo](/img/logo-2024.png)', '![Example logo](/img/logo-2025.svg)', ['none', 'low'], N],
  ['a table re-flowed into a list of the same words', '| Data | Purpose |\n| --- | --- |\n| Email address | Account login |\n| Device identifiers | Security |', '- Data: Email address. Purpose: Account login.\n- Data: Device identifiers. Purpose: Security.', ['none', 'low'], N],
  // A third pass: edits that should stay low in heavy topics (over-alerting), and losses that should not read as low.
  ['an example added to an arbitration clause (a clarification)', ARB, `${ARB} For example, this covers disputes about billing.`, ['low', 'medium'], ANY],
  ['the address for arbitration opt-out notices changed (contact details)', `${ARB} To opt out, write to Example, 1 Main Street, Springfield.`, `${ARB} To opt out, write to Example, 20 Market Square, Springfield.`, ['low'], ANY],
  ['"do not sell" reworded as "never sell"', `${SHARE} We do not sell your personal information.`, `${SHARE} We never sell your personal information.`, ['low'], ['neutral', 'better']],
  ['the place of an AI training opt-out setting renamed', `${TRAIN} You can opt out under Settings, Privacy.`, `${TRAIN} You can opt out under Settings, Data controls.`, ['low'], ANY],
  ['recipients of a sharing list reordered', 'We share your personal data with advertisers and analytics providers.', 'We share your personal data with analytics providers and advertisers.', ['low'], N],
  ['the company name changed in a sharing clause', 'Example Inc. shares your personal data with service providers who host the service.', 'Example LLC shares your personal data with service providers who host the service.', ['low'], ANY],
  ['a paragraph turned into a list of the same sentences', `${SHARE} ${DELETE}`, `- ${SHARE}\n- ${DELETE}`, ['low'], N],
  ['an update banner removed', 'We have updated our terms. Please read them carefully.\n\nYou may stop using the service at any time.', 'You may stop using the service at any time.', ['low'], ANY],
  ['a data protection officer contact added', 'You can reach our support team by email.', 'You can reach our support team by email. You can contact our Data Protection Officer at dpo@example.com.', ['low'], ANY],
  ['a corporate transfer clause reworded', 'If Example is involved in a merger or a sale of its assets, your information may be transferred.', 'If Example takes part in a merger, an acquisition or a sale of its assets, your information may be transferred as part of that deal.', ['low', 'medium'], ANY],
  ['a retention clause reworded without changing how long', 'We keep your data as long as your account is active.', 'We retain your data while your account remains active.', ['low'], N],
  ['a version number in the text changed', 'This is version 2.1 of our terms.', 'This is version 2.2 of our terms.', ['none', 'low'], N],
  ['a support phone number changed', 'Call us on +1 555 0100.', 'Call us on +1 555 0199.', ['low'], ANY],
  ['a monthly price raised', 'The premium plan costs $9.99 per month.', 'The premium plan costs $12.99 per month.', ['low', 'medium'], W],
  ['a promise not to sell removed', `${SHARE} We do not sell your personal information.`, SHARE, ['medium', 'high'], W],
  ['AI training added as one more purpose in a list of uses of personal data', 'We use the information we collect about you for these purposes:\n\n- to provide and secure the service;\n- to answer your support requests.', 'We use the information we collect about you for these purposes:\n\n- to provide and secure the service;\n- to answer your support requests;\n- to train our machine learning models.', ['critical'], W],
  ['a promise not to sell removed (its own paragraph)', `${SHARE}\n\nWe do not sell your personal information.`, SHARE, ['medium', 'high'], W],
  ['notice of changes replaced by a right to change at any time', 'We will give you 30 days of notice before changes to these terms take effect.', 'We may change these terms at any time.', ['medium', 'high'], W],
  ['a retention period replaced by keeping indefinitely, in Spanish', 'Conservamos sus datos personales durante 2 años.', 'Conservamos sus datos personales indefinidamente.', ['medium'], W],
  ['security section removed', '## Security\n\nWe encrypt your personal data in transit and at rest and limit who can access it.\n\n## Termination\n\nYou may stop using the service at any time.', '## Termination\n\nYou may stop using the service at any time.', ['high'], W],
  // A fourth pass: whole sections added, removed or reorganised, as policies change in practice.
  ['a new accessibility section', SHARE, `${SHARE}\n\n## Accessibility\n\nWe aim to make the service usable by everyone. Tell us if you find a barrier.`, ['low'], ANY],
  ['a new section stating how long data is kept where nothing was said', SHARE, `${SHARE}\n\n## How long we keep data\n\nWe keep account data while your account is open and delete it within 30 days after you close it.`, ['low', 'medium'], ['better', 'neutral']],
  ['a new international transfers section with safeguards', SHARE, `${SHARE}\n\n## International transfers\n\nWe may transfer your personal data to countries outside your own. When we do, we use standard contractual clauses to protect it.`, ['low', 'medium'], ANY],
  ['a new AI features section that rules out training', SHARE, `${SHARE}\n\n## AI features\n\nSome features use artificial intelligence to suggest replies. We do not use your messages to train artificial intelligence models.`, ['low', 'medium'], ['better', 'neutral']],
  ['a policy reorganised: sections moved and headings renamed', `## Sharing\n\n${SHARE}\n\n## Your rights\n\n${DELETE}\n\n## Security\n\nWe protect the service with industry-standard measures.`, `## Your choices\n\n${DELETE}\n\n## Who we share with\n\n${SHARE}\n\n## Keeping data safe\n\nWe protect the service with industry-standard measures.`, ['low'], N],
  ['a new state privacy rights section (rights added)', SHARE, `${SHARE}\n\n## Your state privacy rights\n\nIf you live in certain US states, you have the right to access, correct and delete your personal data, and to opt out of targeted advertising.`, ['low', 'medium'], ['better', 'neutral']],
  ['a cookie list gains an advertising cookie', 'We use these cookies:\n\n- a session cookie, which keeps you signed in;\n- a preference cookie, which remembers your language.', 'We use these cookies:\n\n- a session cookie, which keeps you signed in;\n- a preference cookie, which remembers your language;\n- an advertising cookie, which tracks the websites you visit to target ads.', ['medium', 'high'], W],
  ['a new section on legal requests from authorities', SHARE, `${SHARE}\n\n## Requests from authorities\n\nWe may disclose your personal data to law enforcement when we receive a valid legal request.`, ['low', 'medium'], ANY],
  ['a definition added', '"Content" means the text you post.', '"Content" means the text you post.\n\n"Services" means our apps and websites.', ['low'], ANY],
  ['a paragraph split into two, one sentence reworded', `${SHARE} ${DELETE}`, `${SHARE}\n\nFrom your account settings, you can request the deletion of your personal data at any time.`, ['low'], N],
  ['a duty to keep your password secure added (light topic)', 'You need an account to use some features.', 'You need an account to use some features. You must keep your password secure and must not share it.', ['low'], ['worse', 'neutral']],
  ['an arbitration section added to terms that had none', SHARE, `${SHARE}\n\n## Arbitration\n\nPlease read this section carefully.\n\nYou and Example agree to resolve all disputes through binding individual arbitration.\n\nYou waive any right to bring or take part in a class action.`, ['critical'], W],
  ['the arbitration section removed entirely (an improvement): the new version states no arbitration, a practice dropped, high as the rubric\'s Steam', `${SHARE}\n\n## Arbitration\n\nPlease read this section carefully.\n\nYou and Example agree to resolve all disputes through binding individual arbitration.\n\nYou waive any right to bring or take part in a class action.\n\n## Termination\n\nYou may stop using the service at any time.`, `${SHARE}\n\n## Termination\n\nYou may stop using the service at any time.`, ['high'], B],
  ['a list of prohibited uses gains items (duties on the user, light topic)', 'You must not:\n\n- break the law;\n- harass other users.', 'You must not:\n\n- break the law;\n- harass other users;\n- scrape the service;\n- resell your account.', ['low'], ['worse', 'neutral']],
  ['personalised advertising added to the purposes of use', 'We use your personal data to provide the service and to answer your requests.', 'We use your personal data to provide the service and to answer your requests. We also use it to show you personalised advertising.', ['medium', 'high'], W],
  // A fifth pass: changes inside moved passages, notices moved out, and the other languages.
  ['a sharing section moved and widened to advertisers on the way', `## Sharing\n\n${SHARE}\n\n## Your rights\n\n${DELETE}`, `## Your rights\n\n${DELETE}\n\n## Sharing\n\n${SHARE} We also share your personal data with advertising partners.`, ['high'], W],
  ['a rights section moved and its deletion right cut on the way', `## Your rights\n\nYou can access your personal data. ${DELETE}\n\n## Sharing\n\n${SHARE}`, `## Sharing\n\n${SHARE}\n\n## Your rights\n\nYou can access your personal data.`, ['critical'], W],
  ['a cookie section replaced by a pointer to a separate cookie notice', `## Cookies\n\nWe use cookies to keep you signed in and to measure how the service is used.\n\n## Contact us\n\nWrite to us by email.`, `## Cookies\n\nRead our cookie notice to learn how we use cookies.\n\n## Contact us\n\nWrite to us by email.`, ['low', 'medium'], ANY],
  ['a limit on keeping location data dropped, in French', 'Nous supprimons vos données de localisation après 12 mois.', 'Nous conservons vos données de localisation.', ['medium', 'high'], W],
  ['a deletion right added, in German (an improvement)', 'Wir schützen den Dienst mit angemessenen Maßnahmen.', 'Wir schützen den Dienst mit angemessenen Maßnahmen. Sie können jederzeit die Löschung Ihrer personenbezogenen Daten verlangen.', ['low', 'medium'], B],
  ['an arbitration clause removed, in Spanish (an improvement): the new version states no arbitration, a practice dropped, high as the rubric\'s Steam', '## Disputas\n\nTodas las disputas se resolverán mediante arbitraje vinculante y usted renuncia a cualquier demanda colectiva.\n\n## Terminación\n\nPuede dejar de usar el servicio en cualquier momento.', '## Terminación\n\nPuede dejar de usar el servicio en cualquier momento.', ['high'], B],
  ['a retention period lengthened, in Italian (a language the rules do not read)', 'Conserviamo i tuoi dati personali per 30 giorni dopo la chiusura del tuo account.', 'Conserviamo i tuoi dati personali per 180 giorni dopo la chiusura del tuo account.', ['medium'], ANY],
  // A sixth pass: the same sentence with its parts in another order, in heavy topics (a neutral rewording: low).
  ['AI training clause with its opt-out put first', 'We may use your content to train our models unless you opt out in your settings.', 'Unless you opt out in your settings, we may use your content to train our models.', ['low'], N],
  ['arbitration opt-out sentence reordered', `${ARB} You may opt out of arbitration within 30 days by emailing us.`, `${ARB} By emailing us within 30 days, you may opt out of arbitration.`, ['low'], N],
  ['consent condition on sharing with advertisers put first', 'We share your personal data with advertisers only if you consent.', 'Only if you consent do we share your personal data with advertisers.', ['low'], N],
  ['access request condition put last', 'If you ask, we will give you a copy of your personal data.', 'We will give you a copy of your personal data if you ask.', ['low'], N],
  // A seventh pass: wordings the rule tables lacked (each with its rule and the rule's own example).
  ['biometric collection added, worded as scans of the face', 'We collect your name and your email address.', 'We collect your name and your email address. We also collect scans of your face to verify your identity.', ['high'], W],
  ['health data collection added, worded as information about your health', 'We collect your name and your email address.', 'We collect your name and your email address. We also collect information about your health when you use the fitness features.', ['medium', 'high'], W],
  ['changes made binding as soon as they are posted, notice dropped', 'We will notify you 30 days before changes to these terms take effect.', 'Changes to these terms take effect as soon as we post them.', ['medium', 'high'], W],
  ['continued use read as accepting the new terms (a duty added, not retention)', 'We will notify you by email before changes to these terms take effect.', 'We will notify you by email before changes to these terms take effect. If you keep using the service after that, you accept the new terms.', ['low', 'medium'], W],
  ['AI training added, in German (the verb last)', 'Wir verwenden Ihre Inhalte, um den Dienst bereitzustellen.', 'Wir verwenden Ihre Inhalte, um den Dienst bereitzustellen. Wir verwenden Ihre Inhalte außerdem, um unsere KI-Modelle zu trainieren.', ['critical'], W],
  ['sharing with advertisers added, in French', 'Nous partageons vos données personnelles avec nos prestataires.', 'Nous partageons vos données personnelles avec nos prestataires. Nous partageons également vos données personnelles avec des annonceurs.', ['high'], W],
  ['measurement cookies set only with consent (an improvement)', 'We use cookies to keep you signed in and to measure how the service is used.', 'We use cookies to keep you signed in. We set cookies that measure how the service is used only with your consent.', ['low', 'medium'], B],
  ['ownership of user content taken by the platform', 'You keep ownership of the content you post.', 'Example owns all content you post.', ['high', 'critical'], W],
  ['a subscription made to renew automatically unless cancelled (a duty added)', 'Your subscription lasts one month.', 'Your subscription renews automatically each month unless you cancel it.', ['low', 'medium'], W],
  ['a right to object added, in French (an improvement)', 'Nous utilisons vos données pour vous envoyer des offres.', 'Nous utilisons vos données pour vous envoyer des offres. Vous pouvez vous opposer à cette utilisation à tout moment.', ['low', 'medium'], B],
  ['the protection of the laws where the user lives kept beside the chosen law (an improvement)', 'These terms are governed by the laws of Ireland.', 'These terms are governed by the laws of Ireland, but you also keep the protection of the mandatory laws of the country where you live.', ['low', 'medium'], B],
  ['a promise not to sell added, in German (an improvement)', 'Wir geben Ihre personenbezogenen Daten an Dienstleister weiter.', 'Wir geben Ihre personenbezogenen Daten an Dienstleister weiter. Wir verkaufen Ihre personenbezogenen Daten nicht.', ['low', 'medium'], B],
  ['"nous ne vendons pas" turned into a sale, in French', 'Nous partageons vos données avec nos prestataires. Nous ne vendons pas vos données personnelles.', 'Nous partageons vos données avec nos prestataires. Nous vendons vos données personnelles à des partenaires commerciaux.', ['critical'], W],
  ['AI training ruled out, in German (an improvement)', 'Wir verwenden Ihre Inhalte, um unsere KI-Modelle zu trainieren.', 'Wir verwenden Ihre Inhalte nicht, um unsere KI-Modelle zu trainieren.', ['low', 'medium'], B],
  ['research added to the purposes of use (a practice widened)', 'We use your personal data to provide the service and to answer your requests.', 'We use your personal data to provide the service and to answer your requests. We also use it to conduct research on how people use the service.', ['low', 'medium'], W],
  // Once run as failing: a frequency limit put on a right ("once every twelve months" for "at any time") was no period.
  ['access right narrowed to once a year', 'You can request a copy of your personal data at any time.', 'You can request a copy of your personal data once every twelve months.', ['medium', 'high', 'critical'], W],
  ['a once-a-year limit on the access right dropped (an improvement)', 'You can request a copy of your personal data once every twelve months.', 'You can request a copy of your personal data at any time.', ['low', 'medium'], B],
  // Once run as failing: the account-termination cue read across "when you" ("delete your personal data when you close
  // your account") as the platform closing the account.
  ['deletion on closing the account reordered', 'We will delete your personal data when you close your account.', 'When you close your account, we will delete your personal data.', ['low'], N],
  // Once run as failing: a protection of the user's data cut from a paragraph that stays was read as neutral (its own cue
  // favourable); it is a loss where the cut words name the data protected, not where "safeguards" names no object.
  ['security notice removed', 'We encrypt your personal data in transit and at rest. You may stop using the service at any time.', 'You may stop using the service at any time.', ['high'], W],
  ['a moderation safeguard cut from a paragraph that stays (no data named)', 'We apply safeguards when we review reported posts. You may stop using the service at any time.', 'You may stop using the service at any time.', ['low', 'medium'], ANY],
  // Once run as failing: the added clause read as a restatement of the like-worded one it replaces, though it sends all
  // disputes to arbitration where the old one sent some.
  ['arbitration widened from some disputes to all', 'Disputes about payments of more than $10,000 will be resolved by binding arbitration.', 'All disputes arising out of or relating to these terms or the service will be resolved by binding arbitration.', ['critical'], W],
  // Once run as failing: a scope word added to a disclaimer ("any damages, whether direct or indirect") read as a clarification.
  ['liability disclaimer widened to all damages', 'We are not liable for indirect damages.', 'We are not liable for any damages, whether direct or indirect.', ['medium'], W],
  // An eighth pass, from real pairs graded outside the project (scripts/eval/self-graded): a licence that covers nothing of
  // the user's, and the user barred from training models on the service.
  ["a credit line on the policy's own Creative Commons licence removed (no user content)", 'This policy is based on a policy licensed under a Creative Commons licence by Example Press. You may stop using the service at any time.', 'You may stop using the service at any time.', ['low'], ANY],
  ["the licence on the user's content removed (an improvement)", `${LICENCE_WIDE} You may stop using the service at any time.`, 'You may stop using the service at any time.', ['low', 'medium'], B],
  ['the user barred from training AI models on content scraped from the service', 'You may not use automated means to access the service.', 'You may not use automated means to access the service. You may not scrape posts or images from the service to train machine learning models.', ['low'], W],
  ['a description of the service added, for groups "with a shared purpose" (no personal data)', 'The service lets people raise money together.', 'The service lets people raise money together. Clubs and associations with a shared purpose can use it to manage shared money as a group.', ['low'], ANY],
  ['a sentence on tracking funds removed from a description of the service (no person tracked)', 'The service helps each group track the money it receives and spends.\n\nYou may stop using the service at any time.', 'You may stop using the service at any time.', ['low'], ANY],
  ['sharing of personal data with advertisers added (the object named: high)', SHARE, `${SHARE} We also share your personal data with advertising partners.`, ['high'], W],
  ['a hosting provider added to the recipients (sharing with a processor: medium at most)', SHARE, `${SHARE}\n\nWe host our applications with CloudHost, a cloud hosting provider. Your data may be stored on its servers.`, ['low', 'medium'], ANY],
  ['the platform marketing its own services named as a legitimate interest (no targeted ads: medium at most)', 'We process your personal data to provide the service.', 'We process your personal data to provide the service. Legitimate interest: we use your information where our business needs it, for example to improve the service and for the marketing of our own products.', ['low', 'medium'], ANY],
  ['interest-based ads across other sites added (high)', 'We process your personal data to provide the service.', 'We process your personal data to provide the service. We also use your personal data to show you interest-based ads on other websites and apps.', ['high'], W],
  ['rights that depend on where the user lives added (no location data)', 'You can contact us about your personal data.', 'You can contact us about your personal data.\n\nDepending on your location, the law may give you rights over your personal information, such as access and correction.', ['low'], ANY],
  ['a passing "unauthorized use" in a retention clause added (no security notice)', 'We keep your personal data while your account is open.', 'We keep your personal data while your account is open.\n\nTo set the retention period for personal information, we weigh its sensitivity, the risk of harm from unauthorized use of it, and the purposes for which we process it.', ['low', 'medium'], ANY],
  ['a rule against content that harms minors added to community rules (no liability limited)', 'Be respectful to other members.', 'Be respectful to other members.\n\nNothing that sexually exploits children or puts minors at risk of harm is allowed.', ['low'], ANY],
  ['an introduction committed to "protecting your privacy" removed (no security notice)', '## Introduction\n\nAt Example we care about protecting your privacy, and this page explains our practices in plain words.\n\n## Cookies\n\nWe use cookies to keep you signed in.', '## Cookies\n\nWe use cookies to keep you signed in.', ['low'], ANY],
  ['targeted-ad cookies given a further purpose (already targeted: no new sharing with advertisers)', 'Ad cookies: these cookies make adverts more relevant to you by choosing ads based on your interests, and make sure ads display properly for advertisers.', 'Ad and marketing cookies: these cookies also measure how well our campaigns perform, make adverts more relevant to you by choosing ads based on your interests, and make sure ads display properly for advertisers.', ['low', 'medium'], ANY],
  ['an opt-out of interest-based ads restated in other words (a right restated, not removed)', 'You can opt out of interest-based advertising from participating companies through industry programs.', 'Advertising companies may join industry schemes which allow you to opt out of interest-based ads involving them.', ['low', 'medium'], ANY],
  ['a free plan limited to personal, non-commercial use opened to commercial use (no personal data: an improvement of small scope)', '## Free plan\n\nThe free tier is meant only for personal projects that make no money. Using the free tier for business is not allowed.\n\n## Support\n\nWrite to support@example.com.', '## Free plan\n\nThe free plan may be used for any purpose.\n\n## Support\n\nWrite to support@example.com.', ['low'], ANY],
  // Lists of uses the user must not make (usage policies): their items name topics of the conduct, not practices.
  ["a forbidden use on minors removed from a usage policy (conduct, not children's privacy)", '## Do not harm children\n\nThis covers any use of our services to:\n\n* Sexualise minors\n* Help anyone groom a minor', '## Do not harm children\n\nThis covers any use of our services to:\n\n* Help anyone groom a minor', ['low'], ANY],
  ['a forbidden use on government officials added (conduct, not disclosure to authorities)', '## Prohibited uses\n\nYou may not use the Services to:\n\n* Send spam', '## Prohibited uses\n\nYou may not use the Services to:\n\n* Send spam\n* Lobby government officials or regulatory agencies on pending legislation', ['low'], ANY],
  ['a forbidden attack on security removed under a forbidding heading (conduct, not a security notice removed)', '## Do not break the service\n\nThis includes using our tools to:\n\n* Violate the security, integrity or availability of any network, device or system\n* Send spam', '## Do not break the service\n\nThis includes using our tools to:\n\n* Send spam', ['low'], ANY],
  ['advertisers added to what the platform does with data (a list of its purposes: high)', '## How we use data\n\nWe use your personal information to:\n\n* Provide the service', '## How we use data\n\nWe use your personal information to:\n\n* Provide the service\n* Share it with advertising partners for targeted ads', ['high'], W],
  ['sharing with advertisers added, the data named by its kind alone ("your full name and birthday")', 'We keep your account secure.', 'We keep your account secure.\n\nWe share your full name and birthday with advertising partners.', ['high'], W],
  ['sale of personal data introduced under a "Do Not Sell or Share" heading (the practice of the platform, not a rule of conduct)', '## Do Not Sell or Share My Personal Information\n\nWe do not sell your personal information.', '## Do Not Sell or Share My Personal Information\n\nWe sell your personal information to data brokers.', ['critical'], W],
  ['the right to download a copy of the content the user posted removed (an access right removed)', '## Your rights\n\nYou can download a copy of the content you posted at any time.\n\n## Contact\n\nWrite to us.', '## Contact\n\nWrite to us.', ['high', 'critical'], W],
  ['a representative in the EU named (a contact for rights, low)', '## Contact\n\nWrite to privacy@example.com.', '## Contact\n\nWrite to privacy@example.com.\n\nFor people in the European Union, we have appointed a representative in the Union under Article 27 GDPR: Rep GmbH, Berlin.', ['low'], ANY],
  ['a representative in the EU no longer named (no right removed)', '## Contact\n\nWrite to privacy@example.com.\n\nFor people in the European Union, we have appointed a representative in the Union under Article 27 GDPR: Rep GmbH, Berlin.', '## Contact\n\nWrite to privacy@example.com.', ['low'], ANY],
  ['a notice that the service may show ads removed (no targeting described: medium at most)', 'The service is free.\n\nThe service may include advertising.\n\nYou may stop using it at any time.', 'The service is free.\n\nYou may stop using it at any time.', ['low', 'medium'], ANY],
  ['a notice of ads targeted on the user\'s interests removed (a disclosure removed: high)', 'The service is free.\n\nWe show you personalised ads based on your interests and activity.\n\nYou may stop using it at any time.', 'The service is free.\n\nYou may stop using it at any time.', ['high'], W],
  ["a notice on children's personal information removed (a disclosure removed: high)", 'We collect your email address.\n\nWe do not knowingly collect personal information from children under 13.\n\nYou may stop using the service at any time.', 'We collect your email address.\n\nYou may stop using the service at any time.', ['high'], W],
  ["a parent's agreement to the terms for a minor added (eligibility wording, low)", '## Eligibility\n\nYou must be old enough to enter into a contract to use the service.', '## Eligibility\n\nYou confirm that you are old enough to enter into a contract, or that your parent or guardian accepts these terms for you; otherwise you may not use the service.', ['low', 'medium'], ANY],
  ['an API licence granted to the user added (a licence to the user, not over their content)', '## Prohibited Conduct\n\nDo not abuse the service.', '## API License\n\nExample may make programming interfaces and related tools, software, code, materials and documentation available to you. Subject to these terms, Example grants you a limited, non-exclusive, non-transferable, non-sublicensable, and revocable license to internally use the API.\n\n## Prohibited Conduct\n\nDo not abuse the service.', ['low', 'medium'], ANY],
  ['a scope sentence reworded around "the responsible use" of the service (no liability limited)', 'This policy covers everyone who uses our products and helps users stay safe and use our products responsibly.', 'This policy covers anyone who can send prompts to our products, including through resellers, and helps users stay safe and promotes the responsible use of our products.', ['low'], ANY],
  ['a rights paragraph removed in a rewrite that states the same rights in other words (restated, not removed)', '## Your rights\n\nAccess and deletion. You may ask us for access to the personal information we hold about you, and you may ask us to delete it.\n\n## Choices\n\nYou can change your settings.', '## Choices\n\nYou can change your settings. You can request a copy of your personal data, and you can request that we erase it, from the privacy page.', ['low', 'medium'], ANY],
  ['a rights paragraph removed while the new version keeps only the access right (the deletion right removed)', '## Your rights\n\nAccess and deletion. You may ask us for access to the personal information we hold about you, and you may ask us to delete it.\n\n## Choices\n\nYou can change your settings.', '## Choices\n\nYou can change your settings. You can request a copy of your personal data from the privacy page.', ['critical'], W],
  ['the right to complain to a regulator removed (a right removed, but not access or deletion: high)', '## Your rights\n\nYou can lodge a complaint with your data protection authority.\n\n## Contact\n\nWrite to us.', '## Contact\n\nWrite to us.', ['high'], W],
  ['an opt-out of SMS messages removed (marketing messages, not a data-protection right)', '## Messages\n\nTo stop our text messages, you may opt out of receiving them by replying STOP.\n\n## Contact\n\nWrite to us.', '## Contact\n\nWrite to us.', ['low', 'medium'], ANY],
  ['a paragraph added on collecting a kind of personal data the old version never named (a new data category: medium)', '## What we collect\n\nWe collect your name and your email address.\n\n## How we use it\n\nTo run the service.', '## What we collect\n\nWe collect your name and your email address.\n\nWe also collect the list of apps installed on your device.\n\n## How we use it\n\nTo run the service.', ['medium'], W],
  ['a paragraph added on collecting kinds of personal data the old version already named (restated: low)', '## What we collect\n\nWe collect your name, your email address and your phone number.\n\n## How we use it\n\nTo run the service.', '## What we collect\n\nWe collect your name, your email address and your phone number.\n\nWe may also collect your telephone number when you call our support line.\n\n## How we use it\n\nTo run the service.', ['low'], ANY],
  ['a paragraph added saying a kind of personal data is not collected (no new category)', '## What we collect\n\nWe collect your name and your email address.\n\n## How we use it\n\nTo run the service.', '## What we collect\n\nWe collect your name and your email address.\n\nWe do not collect your precise location.\n\n## How we use it\n\nTo run the service.', ['low'], ANY],
  ['a purpose of use that names keeping the account secure, removed (how data is used: medium, not a security notice removed)', '## How we use information\n\nWe use your contact details to run the service and to keep your account secure.\n\nWe use your email address to send receipts.', '## How we use information\n\nWe use your email address to send receipts.', ['medium'], W],
  ['a paragraph on the security of personal data removed (a disclosure removed: high)', '## Security\n\nWe take the security of your personal data seriously.\n\n## Contact\n\nWrite to us.', '## Contact\n\nWrite to us.', ['high'], W],
  ['a pointer to the page on how the platform trains its models added (nothing of the user\'s trained on: low)', '## About us\n\nExample builds writing tools for teams.', '## About us\n\nExample builds writing tools for teams. To learn how we train our foundation models, see the Model Training Methods page, which explains the data they are built from.', ['low'], ANY],
  ['training on the messages users send added, named in the sentence before ("we also use them to train")', '## Messages\n\nWe store the messages you send so that you can read them on every device.', '## Messages\n\nWe store the messages you send so that you can read them on every device. We also use them to train our machine learning models.', ['critical'], W],
  ['a class-action waiver removed while the arbitration agreement stays (a narrow improvement inside an arbitration clause: medium)', `## Disputes\n\nAll disputes will be resolved by binding individual arbitration.\n\nYou waive any right to take part in a class action.\n\n## Termination\n\nYou may stop using the service at any time.`, '## Disputes\n\nAll disputes will be resolved by binding individual arbitration.\n\n## Termination\n\nYou may stop using the service at any time.', ['low', 'medium'], B],
  ['the section on changes to the terms rewritten under a new heading, split in two (the new version still says the terms may change and how users are told: no notice removed)', '## Modifying these terms\n\nWe may modify these terms, for example when the law changes. We will give you reasonable notice of material modifications, which apply only from then on.\n\n## Ending the agreement\n\nYou may stop using the service at any time.', '## Updates to these terms\n\nThese terms may be updated to reflect changes in the law or in what we offer.\n\nWhen an update matters to you, we tell you in advance by e-mail.\n\n## Ending the agreement\n\nYou may stop using the service at any time.', ['low', 'medium'], ANY],
  ['advice to the user not to share health or other sensitive data in public posts added (no collection by the platform: low)', '## Sharing posts\n\nYou can share a post with a public link.', '## Sharing posts\n\nYou can share a post with a public link. Please avoid putting sensitive personal data, such as details of your health, in posts you make public.', ['low'], ANY],
  ['a clause letting the platform use the feedback users send without paying them added (not the content users post: medium at most)', '## Contact\n\nSend us your questions through the help centre.', '## Contact\n\nSend us your questions through the help centre. If you send us suggestions or feedback, you agree that we may use them without restriction or compensation to you.', ['low', 'medium'], ANY],
  ['a licence over the content users post widened (still high beside feedback)', '## Your content\n\nYou grant us a licence to host and display the content you post, only to run the service.', '## Your content\n\nYou grant us a worldwide, perpetual and irrevocable licence to use, modify and sublicense the content you post and any feedback you send, without compensation to you.', ['high'], W],
  ['a privacy setting named "History Eraser" that stops the service storing searches removed (a choice removed, not the access or deletion right: high at most)', '## Your choices\n\nYou can ask us to turn on History Eraser for your account, and we will not store your searches while it is on.\n\n## Contact\n\nWrite to us.', '## Contact\n\nWrite to us.', ['medium', 'high'], W],
  ['a duty to own or represent the business a listing names removed (ownership of a business, not of content: low)', '## Listings\n\nYou must be the owner of the shop listed on your page or someone allowed to act for it.\n\n## Contact\n\nWrite to us.', '## Contact\n\nWrite to us.', ['low', 'medium'], ANY],
  // A ninth pass, from the fourth batch of graded pairs (scripts/eval/self-graded, tuning half): a right cut from one
  // paragraph that the new version still states in its list of rights, a promise not to sell kept in other words, and
  // training offered as a choice the user controls.
  ['"you can close your account to stop all use of your data" cut from a paragraph on marketing emails, deletion still listed among your rights (no right removed)', '## Marketing\n\nYou can unsubscribe from our marketing emails at any time. To stop all use of your personal data, you can delete your account.\n\n## Your rights\n\nDelete your data. You can remove your personal data from Example by deleting your account in the settings.', '## Marketing\n\nYou can unsubscribe from our marketing emails at any time, or in your account settings.\n\n## Your rights\n\nDelete your data. You can remove your personal data from Example by deleting your account in the settings.', ['low', 'medium'], ANY],
  ['a paragraph saying "We don\'t sell your personal information" removed while the summary at the top still says "we do not and will not sell your data" (no disclosure removed)', '## In short\n\nWe do not and will not sell your data.\n\n## Sharing\n\nWe don\'t sell your personal information.\n\nWe share your information with service providers who host the service.', '## In short\n\nWe do not and will not sell your data.\n\n## Sharing\n\nWe share your information with service providers who host the service.', ['low', 'medium'], ANY],
  ['training on conversations added with a choice the user controls ("you are in control of whether …": high, not critical)', '## Improving our products\n\nWe look at how features are used to decide what to build next.', '## Improving our products\n\nWe look at how features are used to decide what to build next. You are in control of whether your conversations are used to train our models.', ['high'], W],
  ['a prohibited use added to a nested list whose item "Comply with the law, for example, do not:" introduces it (conduct, not biometric collection: low)', '## Usage rules\n\n1. Comply with the law, for example, do not:\n    1. Compromise the privacy of others\n    2. Promote any illegal activity\n2. Do not harm others.', '## Usage rules\n\n1. Comply with the law, for example, do not:\n    1. Compromise the privacy of others\n    2. Promote any illegal activity\n    3. Build facial recognition databases or identify people by their biometric data without consent\n2. Do not harm others.', ['low'], ANY],
  ['the promise that your private files "are not used for improving the service" cut from their clause (a practice no longer excluded: medium)', '## Private files\n\nYour files in private folders are not shown to other users and are not used for improving the service. You may choose a licence for them.', '## Private files\n\nYour files in private folders are not shown to other users. You may choose a licence for them.', ['medium', 'high'], W],
  ['a surcharge on card payments removed with the clause that stated it (a charge removed: an improvement)', '## Purchases and refunds\n\nWe accept cards and bank transfers.\n\nCard payments are subject to a 3% surcharge because of the fees card networks charge us.', '## Purchases and refunds\n\nWe accept cards and bank transfers.', ['low', 'medium'], B],
  ['a title of a few words in a language not analysed removed from a sidebar the capture kept (low, not medium)', '## Recent posts\n\nМорской бой: вторая группа, часть пятая и шестая', '## Recent posts', ['low'], ANY],
  ['a paragraph of some length in a language not analysed added (sized medium)', '## Notices\n\nWe publish notices here.', '## Notices\n\nWe publish notices here.\n\nПользователь обязан соблюдать правила сервиса и не публиковать материалы, нарушающие права третьих лиц или законы страны проживания.', ['medium'], ANY],
  ['other users given the right to reproduce and remix the photos you share publicly (a licence on your content widened, in other words: high)', '## Sharing photos\n\nWhen you share a photo publicly, other users can see it on the service.', '## Sharing photos\n\nWhen you share a photo publicly, other users can see it on the service. You also agree to give other users the right to reproduce and remix that photo on the service.', ['high'], W],
  // A tenth pass, from the fifth batch (tuning half): an ad network named by the old version is no sign that a new tracker
  // of its, targeting the user, was already described.
  ['a new ad tracker building audiences added to a table that already names the network (new targeting: high)', '## Advertising cookies\n\nGoogle Ads Pixel | Purpose: to count the purchases that follow a click on one of our Google Ads | Duration: 13 months', '## Advertising cookies\n\nGoogle Ads Pixel | Purpose: to count the purchases that follow a click on one of our Google Ads | Duration: 13 months\n\nGoogle Ads Remarketing Pixel | Purpose: to build audiences from the pages you visit and show you Google Ads on other websites | Duration: 24 months', ['high'], W],
];

// Rows where the analyzer still disagrees with the rubric, each with the reason; run as failing so a fix shows.
const disagreeing: Row[] = [
  // Only the qualifier of the location cue changed ("precise" → "approximate"): the cue's whole words are not among the
  // changed ones, so the sensitive-data type is read as reordered, not gone, and its own cue (unfavourable) keeps the
  // clause's improvement from counting. Reading a cue as changed when one of its words was replaced also turned a
  // deletion promise replaced by keeping ("supprimons" → "conservons") into a right removed (critical): left as it is.
  ['precise location narrowed to approximate (a practice narrowed)', 'We collect the precise location of your device while the app is running.', 'We collect the approximate location of your device while the app is running.', ['low', 'medium'], B],
];

describe('severity rubric (DESIGN.md "Analysis"): self-written changes, expectations set from the rubric', () => {
  test.each(rows)('%s', (...row) => expectRubric(...row));
  test.failing.each(disagreeing)('still disagrees: %s', (...row) => expectRubric(...row));
});

function expectRubric(_name: string, old: string, updated: string, severities: Severity[], directions: Direction[]): void {
  const analysis = analyzeChange(doc(old), doc(updated));
  const got = { severity: analysis.severity, direction: leadDirection(analysis) };
  const agrees = severities.includes(got.severity) && directions.includes(got.direction);
  // On a disagreement the reasons are printed beside the levels the rubric allows.
  expect({ ...got, reasons: agrees ? [] : analysis.reasons }).toEqual({ severity: severities.includes(got.severity) ? got.severity : severities.join(' or '), direction: directions.includes(got.direction) ? got.direction : directions.join(' or '), reasons: [] });
}
