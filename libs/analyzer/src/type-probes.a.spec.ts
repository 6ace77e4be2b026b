import { classify } from './clause.classifier';

// Self-written probe sentences, phrased the way privacy policies and terms of service of different companies word each
// topic (formal, plain-English, US and EU styles, list items and bullet fragments). A row names the type the sentence must
// be given, or, for a near miss, the type it must not get. None is taken from evaluation data.
type Probe = readonly [sentence: string, type: string];

const FOUND: Record<string, readonly string[]> = {
  'data-collection': [
    'We collect information you give us directly, such as when you create an account.',
    'Information you provide to us: your name, postal address, email address and telephone number.',
    'When you visit the site, our servers automatically record certain details about your device.',
    'Device identifiers and IP address',
    'The personal data we process includes your contact details and order history.',
    'You may be asked to provide your date of birth when you register.',
    'We obtain information about you from public sources and from our business partners.',
    'Users must provide a valid email address to open an account.',
    'We may also gather details about how you interact with our emails, such as whether you opened them.',
    'Account information: your username, password and profile picture.',
    'Personal information is collected when you place an order, subscribe to our newsletter or fill in a form.',
    'Our apps may access your contacts if you allow them to.',
    'We capture information about the features you use and the time you spend on each page.',
    'Categories of personal data we process',
    'Contact data (name, email, phone number)',
    'Information automatically collected',
    'By using the service, you agree that we may gather usage statistics.',
  ],
  'sensitive-data': [
    'We process biometric data, such as a scan of your face geometry, to verify your identity.',
    'With your permission, the app collects your precise location to show nearby stores.',
    'Health information you enter into the app, such as your weight and sleep patterns, is stored on your device.',
    'We do not collect information about your racial or ethnic origin, religious beliefs or sexual orientation.',
    'Precise geolocation data',
    'Fingerprint and face data used to unlock the app never leaves your device.',
    'We may process special categories of personal data where you have given us your explicit consent.',
    'Sensitive personal information, such as your social security number or driver\'s license number, is used only to verify your identity.',
    'If you connect a fitness tracker, we receive heart rate and step count data.',
    'Voice recordings are used to recognise the speaker.',
    'We may collect information about your physical or mental health when you contact us about an accessibility need.',
    'Information about your criminal convictions or offences is processed only where the law allows it.',
    'Biometric identifiers',
    'Precise location (with your permission)',
    'We will not process data revealing your religion or political affiliation.',
  ],
  'data-use': [
    'We use the information we collect to provide, maintain and improve our services.',
    'Your personal data is processed to fulfil your orders and handle returns.',
    'We rely on your data to personalise the content you see.',
    'Purposes of processing and legal bases',
    'We may use your information to send you service messages about your account.',
    'Your data will be used to verify your identity and to comply with our legal obligations.',
    'We process your personal data on the basis of our legitimate interests, such as improving our products.',
    'We use information about your purchases to recommend products you might like.',
    'Information we collect is used for billing, customer support and security.',
    'We may create inferences about your interests based on your activity.',
    'Why we process your data',
    'We process your data to provide the services you request, on the legal basis of contract.',
  ],
  'ai-training': [
    'We may use your content to train and improve our machine learning models.',
    'Conversations with the assistant may be reviewed and used to improve our AI systems.',
    'Your prompts and outputs are not used to train our models unless you opt in.',
    'We use publicly available posts to develop our generative AI features.',
    'Data you share with us may be used to build and refine artificial intelligence models.',
    'You can opt out of having your data used for model training in your settings.',
    'Images you upload may be used to teach our algorithms to recognise objects.',
    'We do not use customer data to train large language models.',
    'Your recordings may help improve our speech recognition models.',
    'Content submitted to the service may be used to develop and train our AI.',
    'Training of AI models on user content',
    'We will not use your Content to train generative models.',
    'Customer Content is not used to improve foundation models.',
    'We may use de-identified chat transcripts to fine-tune the models that power our features.',
  ],
  retention: [
    'We retain your personal data for as long as your account is active.',
    'Log data is kept for 90 days and then deleted.',
    'How long we keep your information',
    'We store your order records for seven years to meet our tax obligations.',
    'Personal information will not be kept longer than necessary for the purposes for which it was collected.',
    'Retention periods',
    'Data retention',
    'We keep your data only for as long as we need it.',
    'Invoices are archived for ten years as required by commercial law.',
    'After you close your account, we may keep some information for a limited period to resolve disputes.',
    'Backups are overwritten within 30 days.',
    'We keep your messages until you delete them.',
    'Data is held for a period of two years after your last interaction with us.',
    'When we no longer need your data, we will securely delete or anonymise it.',
    'We may retain certain information as required by law or for legitimate business purposes.',
  ],
  deletion: [
    'You can delete your account at any time from the settings page.',
    'To delete your data, email us at the address below.',
    'If you ask us to delete your information, we will do so within 30 days.',
    'Deleting your account permanently removes your profile, photos and messages.',
    'You may request that we erase the personal information we hold about you.',
    'Account deletion',
    'You may ask us to erase your data.',
    'Deletion of your personal data',
    'Users may permanently delete their profiles.',
    'Once your account is closed, your personal data will be deleted from our systems.',
    'We will delete your personal information upon your request, unless we are required to keep it.',
    'You have the right to have your personal data erased.',
    'Request deletion of your data by contacting our privacy team.',
    'When you delete your account, your posts will no longer be visible to others.',
  ],
  'user-rights': [
    'You have the right to access, correct or delete your personal data.',
    'You can ask us for a copy of the personal information we hold about you.',
    'You may object to the processing of your personal data for direct marketing at any time.',
    'Right to data portability',
    'If you believe we have not handled your data lawfully, you can lodge a complaint with your local supervisory authority.',
    'You can update or correct your account information at any time.',
    'To exercise any of these rights, please contact us at privacy@example.com.',
    'Where we rely on your consent, you may withdraw it at any time.',
    'You have the right to restrict the processing of your personal data in certain circumstances.',
    'You may request information about the categories of personal data we process about you.',
    'Your choices and rights',
    'You are entitled to receive your data in a structured, commonly used format.',
    'Right of access',
    'You can review and change the information in your profile at any time.',
  ],
  children: [
    'Our service is not directed to children under 13.',
    'We do not knowingly collect personal information from children under the age of 16.',
    'If we learn that we have collected data from a child without parental consent, we will delete it.',
    'Parents or guardians who believe their child has provided us with information should contact us.',
    'Children\'s privacy',
    'Users under 18 must have the permission of a parent or legal guardian to use the app.',
    'Minors may not create an account.',
    'We comply with the Children\'s Online Privacy Protection Act.',
    'Teen accounts have stricter privacy settings by default.',
    'We do not knowingly market to children.',
    'If you are a minor, please ask your parents before using the service.',
    'Parental controls allow parents to limit what their children see.',
    'If you are a parent and you are aware that your child has given us personal information, please contact us.',
  ],
};

const NOT: Record<string, readonly string[]> = {
  'data-collection': [
    'You can collect loyalty points on every purchase.',
    'Orders can be collected from the store after two hours.',
    'Our collection of sneakers is updated every season.',
    'Please provide feedback on our new design.',
  ],
  'sensitive-data': [
    'Our stores are located in several cities.',
    'Health and safety rules apply at all events.',
    'The app works in any location with an internet connection.',
    'Face the camera when you join a video call.',
  ],
  'data-use': [
    'You may use the service for personal, non-commercial purposes only.',
    'Use of the website is at your own risk.',
    'Do not use the service to send spam.',
    'These terms apply to your use of our apps.',
  ],
  'ai-training': [
    'Our support staff are trained to handle complaints.',
    'You may not use the service to build a competing product.',
    'The train timetable is updated every day.',
    'We use models of customer journeys to design our stores.',
  ],
  retention: [
    'Keep your password safe and do not share it.',
    'You retain ownership of the content you upload.',
    'We store products in warehouses across the country.',
    'Hold the button for three seconds to reset the device.',
    'Orders can be collected from the store after two hours.',
  ],
  deletion: [
    'We may remove any content that violates these terms.',
    'Delete the app if you no longer agree with these terms.',
    'Remove the battery before cleaning the device.',
    'Moderators may remove posts that break the community rules.',
  ],
  'user-rights': [
    'We reserve the right to refuse service to anyone.',
    'All rights reserved.',
    'You may access the service from your phone or your computer.',
    'You must not copy or download content posted by other users.',
  ],
  children: [
    'You must not post content that exploits or harms minors.',
    'Our toys are safe for children over three.',
    'Kids eat free on Sundays.',
    'Child items must be listed in the correct category.',
  ],
};

// Wordings the rules still miss, each with the reason it is left alone (printed in the test's name).
const LEFT_ALONE: readonly (readonly [sentence: string, type: string, why: string])[] = [
  ['To detect and prevent fraud, spam and abuse.', 'data-use', 'a purpose fragment naming no data reads as conduct or security in terms of service'],
  ['We analyse how users navigate the app so we can fix problems and build new features.', 'data-use', 'analytics naming no data; a cue for it would also take product descriptions'],
  ['Users can remove their content at any time.', 'deletion', "'their content' as a deletion object also lets moderation through ('remove users … and their content')"],
  ['Persons under the age of 13 are not permitted to use the service.', 'children', 'an age limit alone reads as eligibility: an age cue for children cost a ToS;DR quote on the tuning half'],
  ['Information from users younger than 13 is deleted as soon as we become aware of it.', 'children', 'the same: an age with no child named is left to eligibility'],
  ['Transaction data, including items purchased and payment method', 'data-collection', 'transaction and purchase history as collected data cost a ToS;DR quote on the tuning half (payment clauses)'],
  ['Your genetic test results are never sold.', 'sensitive-data', 'no data, use or collection word for the heavy type to hold on to'],
  ['To communicate with you about your account', 'data-use', 'a purpose fragment naming no data'],
  ['Your inputs may be reviewed by human trainers to improve the assistant.', 'ai-training', 'human review naming no model: a cue for it would take support reviews too'],
  ['AI model improvement', 'ai-training', 'a heading naming no data, which the heavy type needs'],
  ['Age verification', 'children', 'an age check alone is eligibility'],
  ['We will respond to your request within one month.', 'user-rights', 'a reply time with the request unnamed reads as customer support'],
];

const found: Probe[] = Object.entries(FOUND).flatMap(([type, sentences]) => sentences.map((s) => [s, type] as const));
const notFound: Probe[] = Object.entries(NOT).flatMap(([type, sentences]) => sentences.map((s) => [s, type] as const));
const typesOf = (sentence: string): string[] => classify(sentence).clauseTypes.map((t) => t.id);

describe('type probes (a): self-written policy wordings', () => {
  it.each(found)('%s → %s', (sentence, type) => {
    expect(typesOf(sentence)).toContain(type);
  });

  // Run as failing, so that a rule change that reads one of them shows (and the row moves to the probes).
  it.failing.each(LEFT_ALONE)('left alone, still missed: %s → %s (%s)', (sentence, type) => {
    expect(typesOf(sentence)).toContain(type);
  });

  it.each(notFound)('%s ↛ %s', (sentence, type) => {
    expect(typesOf(sentence)).not.toContain(type);
  });
});
