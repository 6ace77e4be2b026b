import { DATA_KINDS, newDataKinds } from './data-kinds.rules';

// Every kind of personal data has a self-written sentence naming it and a near miss that must not count as that kind.
const EXAMPLES: Readonly<Record<string, readonly [match: string, noMatch: string]>> = {
  'phone number': ['We ask for your mobile number to send a login code.', 'We number each request we receive.'],
  'postal address': ['We keep your shipping address to deliver orders.', 'Our registered address is in Dublin.'],
  'date of birth': ['We ask for your date of birth when you sign up.', 'The service was born out of a hackathon.'],
  gender: ['You may tell us your gender.', 'We aim for a general audience.'],
  contacts: ['With your permission we upload your address book.', 'You can contact us by email.'],
  messages: ['We store the content of your messages to deliver them.', 'We may send you messages about the service.'],
  voice: ['We keep voice recordings of your commands to the assistant.', 'Your voice matters to us.'],
  'photos and videos': ['We collect the photos you upload to your profile.', 'Photography is not allowed in our offices.'],
  location: ['We collect the precise location of your phone.', 'Our offices are located in Paris.'],
  'ip address': ['We log your IP address when you sign in.', 'Read our intellectual property policy.'],
  'device identifiers': ['We read your device ID and advertising identifier.', 'We identify ways to improve the app.'],
  'installed apps': ['We collect the list of apps installed on your device.', 'Install the app from the store.'],
  'browsing history': ['We record your browsing history on our site.', 'Browse our catalogue at your leisure.'],
  purchases: ['We keep your purchase history for refunds.', 'Purchases are final after thirty days.'],
  'payment details': ['We store your credit card number with our processor.', 'Payment is due on the first of the month.'],
  'financial information': ['We may check your credit score before lending.', 'Our financial year ends in March.'],
  'government identifiers': ['Upload a copy of your passport to verify your identity.', 'You must pass a short quiz.'],
  health: ['The watch records your heart rate during exercise.', 'We care about the health of our community.'],
  biometric: ['We use face scans to confirm that you are the account holder.', 'Put your best face forward in your bio.'],
  'special categories': ['We do not ask about your religious beliefs.', 'We believe in free expression.'],
  'employment and education': ['You may add your job title and employer to your profile.', 'We employ engineers in three countries.'],
  calendar: ['The assistant reads your calendar to schedule meetings.', 'Events are listed on our website.'],
  'social media profiles': ['You may link your social media accounts to your profile.', 'Follow us on social media.'],
  'criminal records': ['Hosts may be screened for criminal records.', 'Crime thrillers are a popular genre.'],
};

describe('kinds of personal data: each has a self-written example and near miss', () => {
  test('every kind has an example', () => {
    expect(DATA_KINDS.map((k) => k.id).filter((id) => !EXAMPLES[id])).toEqual([]);
  });
  test.each(DATA_KINDS.map((k) => [k.id, k.pattern] as const))('%s', (id, pattern) => {
    const [match, noMatch] = EXAMPLES[id];
    expect({ id, text: match, matched: pattern.test(match) }).toEqual({ id, text: match, matched: true });
    expect({ id, text: noMatch, matched: pattern.test(noMatch) }).toEqual({ id, text: noMatch, matched: false });
  });
});

describe('newDataKinds: the kinds an added passage names that the other version never names', () => {
  test('a kind the old version never named is new, in the words of the added passage', () => {
    expect(newDataKinds('We also collect the list of apps installed on your device.', 'we collect your name and your email address.')).toEqual(['apps installed']);
  });
  test('a kind the old version named in other words ("telephone number" for "phone number") is not new', () => {
    expect(newDataKinds('We may also collect your telephone number.', 'we collect your name and your phone number.')).toEqual([]);
  });
  test('generic words ("information", "data", "usage") name no kind', () => {
    expect(newDataKinds('We collect information about your usage of the service and other data.', 'we collect your name.')).toEqual([]);
  });
});
