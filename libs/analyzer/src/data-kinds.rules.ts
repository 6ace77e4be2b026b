// Kinds of personal data a privacy policy names, each under its own name: the rubric's "new data categories" (medium)
// are kinds an added passage says the platform collects that the old version never named. Generic words ("data",
// "information", "usage") are no kind: every policy uses them. Each kind lists the ways policies name it, so that a
// rewrite calling a "telephone number" what the old version called a "phone number" adds nothing.

export interface DataKind {
  id: string;
  pattern: RegExp;
}

export const DATA_KINDS: readonly DataKind[] = [
  { id: 'phone number', pattern: /\b(?:(?:mobile |tele)?phone|mobile|cell(?:ular)?) (?:numbers?|no\.)/i },
  { id: 'postal address', pattern: /\b(?:postal|home|mailing|street|physical|billing|shipping) address(?:es)?\b/i },
  { id: 'date of birth', pattern: /\b(?:dates? of birth|birth ?dates?|birthdays?)\b/i },
  { id: 'gender', pattern: /\bgender\b/i },
  { id: 'contacts', pattern: /\b(?:address books?|contact lists?|(?:your|phone|device) contacts)\b/i },
  { id: 'messages', pattern: /\b(?:(?:private |direct |chat )?messages you (?:send|receive|exchange)|content of (?:your )?(?:messages|communications|chats|conversations)|chat (?:logs|history|transcripts))\b/i },
  { id: 'voice', pattern: /\b(?:voice (?:recordings?|data|commands|messages)|audio recordings?|recordings? of (?:your )?(?:voice|calls))\b/i },
  { id: 'photos and videos', pattern: /\b(?:photos?|pictures?|images?|videos?) (?:of you|you (?:upload|take|share|provide))\b|\b(?:camera|photo library|camera roll)\b/i },
  { id: 'location', pattern: /\b(?:(?:precise|approximate|geo-?|gps|physical|device|real-time) ?locations?|gps|geolocation)\b/i },
  { id: 'ip address', pattern: /\bip[- ]address(?:es)?\b/i },
  { id: 'device identifiers', pattern: /\b(?:device (?:ids?|identifiers?)|advertising (?:ids?|identifiers?)|idfa|imei|mac address(?:es)?)\b/i },
  { id: 'installed apps', pattern: /\b(?:apps?|applications) (?:installed|you have installed|on your device)\b|\binstalled (?:apps?|applications)\b/i },
  { id: 'browsing history', pattern: /\b(?:browsing|search|web) (?:history|activity|queries)\b|\bsearch terms\b/i },
  { id: 'purchases', pattern: /\b(?:purchase|transaction|order) (?:history|details|records)\b/i },
  { id: 'payment details', pattern: /\b(?:payment (?:card|details|information|methods?)|(?:credit|debit) card (?:numbers?|details)|bank (?:account|details)|card numbers?)\b/i },
  { id: 'financial information', pattern: /\b(?:income|salary|credit (?:history|score)|financial (?:information|situation|status))\b/i },
  { id: 'government identifiers', pattern: /\b(?:passports?|driver'?s licen[cs]es?|driving licen[cs]es?|(?:national|government(?:-issued)?) (?:id|identity|identification)(?: (?:cards?|numbers?|documents?))?|social security numbers?|tax (?:id|identification) numbers?|identity documents?)\b/i },
  { id: 'health', pattern: /\b(?:health|medical|fitness) (?:data|information|conditions?|records?)\b|\bheart rate\b/i },
  { id: 'biometric', pattern: /\b(?:biometric\w*|face ?(?:scans?|prints?|geometry)|facial (?:features|recognition|geometry|scans?)|fingerprints?|voice ?prints?)\b/i },
  { id: 'special categories', pattern: /\b(?:sexual (?:orientation|life)|religious (?:or philosophical )?beliefs?|political (?:opinions?|views)|racial or ethnic origin|ethnicity|trade union membership)\b/i },
  { id: 'employment and education', pattern: /\b(?:employment (?:history|information)|job titles?|employer|work history|education(?:al)? (?:history|background|information)|qualifications)\b/i },
  { id: 'calendar', pattern: /\bcalendars?\b/i },
  { id: 'social media profiles', pattern: /\bsocial (?:media|network(?:ing)?) (?:profiles?|accounts?)\b/i },
  { id: 'criminal records', pattern: /\bcriminal (?:records?|convictions?|offen[cs]es|history|background)\b/i },
];

/**
 * The kinds of personal data an added passage names that the other version never names (the rubric's new categories).
 * `matches` answers whether the other version matches a pattern (the analysis remembers its answers per version).
 */
export function newDataKinds(added: string, otherVersion: string, matches = (pattern: RegExp): boolean => pattern.test(otherVersion)): string[] {
  const kinds: string[] = [];
  for (const kind of DATA_KINDS) {
    const found = kind.pattern.exec(added);
    if (found && !matches(kind.pattern)) kinds.push(found[0]);
  }
  return kinds;
}
