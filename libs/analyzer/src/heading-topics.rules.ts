import type { ClauseTypeMatch } from './analyzer.types';
import { normalizeTypography } from './text.normalizer';

// Section headings that name their topic. A heading is a short noun phrase ("Data Retention", "Your California Privacy
// Rights", "Settling Disputes"), which the clause rules, written for sentences with an actor and an act, seldom read.
// The heading's topic is shown with every changed clause under it, after the types that scored: it says where the change
// is, not what changed, so it never sets a severity. Heavy types still need their act and object ("AI features" is no
// training).
// Each topic carries a self-written heading it must match and a near miss it must not (heading-topics.rules.spec.ts runs
// them); none is taken from evaluation data.

export interface HeadingTopic {
  type: string;
  pattern: RegExp;
  example: readonly [match: string, noMatch: string];
}

export const HEADING_TOPICS: readonly HeadingTopic[] = [
  {
    type: 'retention',
    pattern:
      /\b(?:data |information )?retention\b|\bhow long\b.{0,40}\b(?:keep|kept|retain|retained|store|stored|hold)\b|\b(?:keep|retain|store|hold)(?:ing)? (?:your |the )?(?:personal )?(?:data|information)\b(?! (?:safe|secure|private|protected))|\bdur[ée]es? de conservation\b|\bconservation (?:des|de vos) donn[ée]es\b|\bcombien de temps\b|\bspeicherdauer\b|\baufbewahrungs?(?:dauer|fristen)?\b|\b(?:plazos? de )?conservaci[óo]n de (?:los |sus )?datos\b/i,
    example: ['How long do we keep your data?', 'How do we keep your data safe?'],
  },
  {
    type: 'dispute-resolution',
    pattern:
      /(?<!\b(?:payment|billing|copyright|trademark|chargeback|transaction|order)s? )\bdisputes?\b|\barbitrat\w*|\bclass[- ]action\b|\bjury (?:trial )?waiver\b|\blitiges?\b|\bstreitbeilegung\b|\bschlichtung\b|\bresoluci[óo]n de (?:disputas|conflictos|controversias|litigios)\b/i,
    example: ['Settling disputes between you and us', 'Payment disputes and chargebacks'],
  },
  {
    type: 'governing-law',
    pattern:
      /\b(?:governing|applicable|choice of) laws?\b|\bjurisdictions?\b|\bvenue\b|\b(?:droit|loi) applicable\b|\bjuridictions? comp[ée]tentes?\b|\banwendbares recht\b|\bgerichtsstand\b|\bley aplicable\b|\bjurisdicci[óo]n\b/i,
    example: ['Applicable law and jurisdiction', 'Applicable fees and taxes'],
  },
  {
    type: 'state-privacy-rights',
    pattern:
      /\b(?:california|nevada|virginia|colorado|connecticut|utah|texas|oregon|montana|iowa|delaware|new jersey|tennessee|minnesota|maryland|indiana|kentucky|nebraska|new hampshire|rhode island)\b|\bu\.?s\.? state\b|\b(?:us|united states) state\b|\bstate(?:-specific)? privacy\b|\bccpa\b|\bcpra\b/i,
    example: ['Additional information for California residents', 'Additional information for residents of the European Economic Area'],
  },
  {
    type: 'international-transfer',
    pattern:
      /\b(?:international|cross[- ]border|overseas|global|onward)\b.{0,30}\btransfer(?:s|ring)?\b|\b(?:personal )?(?:data|information) transfers?\b|\btransfer(?:s|ring)? (?:of )?(?:your )?(?:personal )?(?:data|information)\b(?! to (?:a |the )?(?:buyer|purchaser|successor|acquir))|\btransferts? (?:de (?:vos )?donn[ée]es|internationaux|hors)\b|\b(?:daten)?übermittlung(?:en)? (?:in|an) drittl[äa]nder\b|\btransferencias? internacionales?\b|\binternational (?:users|visitors)\b|\bwhere (?:we|do we) (?:store|process|host)\b/i,
    example: ['International data transfers', 'Business transfers'],
  },
  {
    type: 'content-license',
    pattern:
      /\b(?:your|user|users'|member|customer)(?:[- ]generated)? content\b|\bcontent (?:you (?:post|share|submit|upload)|licen[cs]es?)\b|\blicen[cs]es? (?:you grant|granted by you|to (?:us|your content))\b|\b(?:vos|votre) contenus?\b|\bcontenus? (?:des )?utilisateurs?\b|\bnutzerinhalte\b|\bihre inhalte\b|\bcontenido (?:del|de los) usuarios?\b|\btu contenido\b/i,
    example: ['Your content and the rights you give us', 'Our content and trademarks'],
  },
  {
    type: 'communications',
    pattern:
      /(?<!\b(?:private|your|user|users'|member) )\bcommunications?\b(?! decency)|\bnotifications?\b|\btext messag\w*|\bsms\b|\b(?:marketing|promotional) (?:e-?mails?|messages|communications)\b|\bnewsletters?\b|\b(?:e-?mails?|messages) (?:from|we send)\b|\bcontacting you\b/i,
    example: ['Text messages and notifications from us', 'Your private communications'],
  },
  {
    type: 'user-rights',
    pattern:
      /\byour (?:privacy |data protection )?(?:rights|choices)\b(?! (?:in|to) (?:the |our )?(?:content|service|software|app|platform|account)s?\b)|\bdata subjects?'? rights\b|\b(?:privacy|data protection) rights\b|\bwhat rights\b|\brights (?:and|&) (?:choices|options)\b|\bright to (?:access|erasure|be forgotten|object|rectif\w+|portab\w+|data portab\w+)\b|\baccess(?:ing)?,? (?:and |or )?(?:correct|updat|delet|manag|control)\w* (?:your )?(?:personal )?(?:data|information)\b|\bvos droits\b|\bihre rechte\b|\bbetroffenenrechte\b|\b(?:tus|sus) derechos\b|\bderechos de los (?:usuarios|interesados)\b/i,
    example: ['What rights do you have over your data?', 'Our rights in the service'],
  },
  {
    type: 'eligibility',
    pattern:
      /\beligib\w*|\b(?:age|minimum age) (?:requirements?|limits?|restrictions?)\b|\bminimum age\b|\bwho (?:can|may) (?:use|join|register|sign up)\b|\b[âa]ge minimum\b|\bmindestalter\b|\bedad m[íi]nima\b/i,
    example: ['Who may use the service', 'Who we are'],
  },
  {
    type: 'data-sharing',
    pattern:
      /\b(?:how|when|why|with whom) (?:we |do we |does [\w.-]+ )?(?:share|disclose)\b|\b(?:sharing|disclosure|disclosing|disclosures) (?:of )?(?:your )?(?:personal )?(?:data|information)\b|\b(?:who|whom) (?:we share|do we share|receives)\b|\brecipients\b|\bdestinataires\b|\bpartage (?:de vos |des )donn[ée]es\b|\bweitergabe\b|\bempf[äa]nger\b|\bdestinatarios\b|\bcon qui[ée]n compartimos\b|\b(?:information|data) (?:we|that we) share\b/i,
    example: ['How we share your information', 'How we protect your information'],
  },
  {
    type: 'law-enforcement',
    pattern: /\blaw enforcement\b|\bgovernment(?:al)? (?:requests|access|authorities)\b|\blegal (?:requests|process)\b|\blegal (?:and [\w-]+ )?disclosures?\b|\bautorit[ée]s (?:publiques|judiciaires)\b|\bbeh[öo]rden\b/i,
    example: ['Requests from law enforcement', 'Requests from our users'],
  },
  {
    type: 'ip-infringement',
    pattern:
      /\bcopyright\b(?! (?:and (?:trademark )?)?(?:ownership|licen[cs]es?|notice of (?:this|the) (?:site|page)))|\bdmca\b|\binfring\w+|\bnotice[- ]and[- ](?:takedown|action)\b|\bdroits? d'auteur\b|\bcontrefa[çc]on\b|\burheberrecht\w*|\bderechos de autor\b/i,
    example: ['Copyright complaints', 'Intellectual property'],
  },
  {
    type: 'business-transfer',
    pattern: /\bbusiness transfers?\b|\bmergers?\b|\bacquisitions?\b|\bchange of (?:control|ownership)\b|\bcorporate (?:transactions?|restructuring|reorgani[sz]ation)\b|\bsale of (?:the |our )?(?:business|company|assets)\b/i,
    example: ['Mergers and acquisitions', 'Our business customers'],
  },
  {
    type: 'sensitive-data',
    pattern:
      /\bsensitive (?:personal )?(?:data|information)\b|\bbiometrics?\b|\bbiometric (?:data|information|identifiers)\b|\bhealth (?:data|information)\b|\b(?:precise |geo-?)?location (?:data|information|services)\b|\bgeolocation\b|\bspecial categor(?:y|ies)\b|\bdonn[ée]es sensibles\b|\bg[ée]olocalisation\b|\bsensible daten\b|\bdatos sensibles\b/i,
    example: ['Location information', 'Location of our offices'],
  },
  {
    type: 'ai-training',
    pattern: /\b(?:ai|model|models|machine learning) training\b|\btraining (?:of )?(?:our )?(?:ai|models?|algorithms|artificial intelligence)\b|\bhow we (?:train|improve) (?:our )?(?:ai|models)\b|\bentra[îi]nement (?:des|de nos) mod[èe]les\b/i,
    example: ['How we train our models', 'Our AI features'],
  },
  {
    type: 'acceptable-use',
    pattern:
      /\bacceptable use\b|\bprohibited (?:uses?|conduct|activities|content|actions)\b|\b(?:user |your )?conduct\b|\brules of (?:conduct|use)\b|\bwhat you (?:can't|cannot|may not|must not) do\b|\brestrictions on (?:your )?use\b|\bcomportements? interdits?\b|\butilisations? interdites?\b|\bverhaltensregeln\b|\bconductas? prohibidas?\b/i,
    example: ['Prohibited uses of the service', 'Permitted payment methods'],
  },
  {
    type: 'content-moderation',
    pattern: /\bcontent moderation\b|\bmoderation\b|\b(?:removal|removing|takedown) of (?:user )?content\b|\bcontent (?:removal|review|decisions)\b|\bappeals?\b|\breporting (?:content|abuse|violations|users)\b|\bmod[ée]ration\b|\bmoderaci[óo]n\b/i,
    example: ['How we moderate content: appeals', 'How we review payments'],
  },
  {
    type: 'data-collection',
    pattern:
      /\b(?:personal )?(?:data|information) (?:(?:that )?we (?:collect|gather|receive|obtain)|you (?:give|provide)(?: to)? us|collected)\b|\b(?:collection|collecting) (?:of )?(?:your )?(?:personal )?(?:data|information)\b|\bwhat (?:personal )?(?:data|information) (?:do )?we (?:collect|gather|receive|process)\b|\bdonn[ée]es (?:que nous )?collect[ée]es\b|\bcollecte (?:de vos |des )donn[ée]es\b|\berhobene daten\b|\bdatos (?:que )?recopilados\b|\brecopilaci[óo]n de datos\b/i,
    example: ['Information we collect about you', 'Information we share with partners'],
  },
  {
    type: 'data-use',
    pattern:
      /\bhow (?:we|do we|does [\w.-]+) (?:use|process)(?: your)?(?: personal)? (?:data|information)\b|\b(?:use|uses|processing) of (?:your )?(?:personal )?(?:data|information)\b|\bpurposes? (?:of|for) (?:the )?(?:processing|using|use|which we use)\b|\bwhy (?:we|do we) (?:process|use|collect)\b|\blegal bas[ei]s\b|\bfinalit[ée]s?\b|\butilisation de vos donn[ée]es\b|\bzwecke? der (?:daten)?verarbeitung\b|\bfinalidad(?:es)? del tratamiento\b/i,
    example: ['How we use your information', 'How to use the app'],
  },
  {
    type: 'advertising',
    pattern: /\badvertis\w*|\b(?:interest|behaviou?r)[- ]based ads?\b|\b(?:personali[sz]ed|targeted|sponsored) (?:ads|content)\b|\bads\b|\bpublicit[ée]s?\b|\bwerbung\b|\bpublicidad\b/i,
    example: ['Advertising and sponsored content', 'Adding people to your account'],
  },
  {
    type: 'tracking',
    pattern: /\bcookies?\b|\btracking technolog\w*|\bsimilar technologies\b|\bdo not track\b|\bpixels?\b|\bweb beacons?\b|\b(?:online |cross-site )?tracking\b(?! (?:your |of (?:your )?|the )?(?:orders?|packages?|parcels?|shipments?|deliver\w*))|\btraceurs?\b|\bt[ée]moins de connexion\b/i,
    example: ['Cookies and similar technologies', 'Tracking your order'],
  },
  {
    type: 'deletion',
    pattern:
      /\b(?:delet\w+|clos\w+|deactivat\w+) (?:of )?(?:your |an |the )?accounts?\b|\baccount (?:deletion|closure|deactivation)\b|\bdelet\w+ (?:of )?(?:your )?(?:personal )?(?:data|information)\b|\bright to (?:erasure|be forgotten)\b|\bsuppression (?:de (?:votre|vos) (?:compte|donn[ée]es))\b|\bl[öo]schung\b|\beliminaci[óo]n de (?:la |tu |su )?cuenta\b/i,
    example: ['Deleting your account', 'Deleting posts from your feed'],
  },
  {
    type: 'security',
    pattern:
      /(?<!\bsocial )\bsecurity\b(?! (?:numbers?|deposits?|interests?|researchers?)\b)|\bhow (?:we|do we) (?:protect|secure|safeguard)\b|\b(?:protecting|safeguarding|securing) (?:your )?(?:personal )?(?:data|information)\b|\bdata breach\w*|\bs[ée]curit[ée]\b|\bdatensicherheit\b|\bseguridad\b/i,
    example: ['Security of your information', 'Social security numbers'],
  },
  {
    type: 'children',
    pattern: /\bchild(?:ren)?(?:'s|s')?\b|\bminors\b|\bminor users\b|\bkids\b|\bteens?\b|\bcoppa\b|\benfants?\b|\bmineurs\b|\bkinder\w*|\bmenores\b|\bni[ñn]os\b/i,
    example: ["Children's privacy", 'Minor changes to these terms'],
  },
  {
    type: 'account-termination',
    pattern:
      /\btermination\b|\bterminat\w+ (?:of )?(?:your |the |this )?(?:account|access|agreement|service|terms)\b|\bsuspen(?:sion|d\w*)\b|\bban(?:s|ned|ning)?\b(?! (?:on|of) (?:the )?(?:use|sale))|\br[ée]siliation\b|\bk[üu]ndigung\b|\bsperrung\b|\b(?:suspensi[óo]n|terminaci[óo]n|rescisi[óo]n)\b/i,
    example: ['Suspension and termination of accounts', 'Terms of service'],
  },
  {
    type: 'liability',
    pattern: /\bliabilit\w*|\bdisclaimers?\b|\bwarrant(?:y|ies)\b|\bresponsabilit[ée]s?\b|\bhaftung\w*|\bgew[äa]hrleistung\b|\bresponsabilidad\b/i,
    example: ['Limitation of liability', 'Limits on account names'],
  },
  {
    type: 'indemnification',
    pattern: /\bindemni\w+|\bhold harmless\b|\bfreistellung\b|\bindemnizaci[óo]n\b/i,
    example: ['Indemnification', 'Identification'],
  },
  {
    type: 'policy-changes',
    pattern:
      /\b(?:changes?|updates?|amendments?|modifications?|revisions?) (?:to|of) (?:this|these|our|the) (?:privacy )?(?:policy|policies|terms|agreement|notice|statement|conditions)\b|\b(?:changing|updating|modifying|amending) (?:this|these|our|the) (?:privacy )?(?:policy|terms|agreement|notice)\b|\bmodifications? (?:de|des) (?:la pr[ée]sente|ces|nos|la) (?:politique|conditions)\b|\b[äa]nderungen (?:dieser|der|unserer) (?:datenschutz|bedingungen|richtlinie|nutzungsbedingungen)\w*|\bcambios (?:en|a) (?:esta|estas|la|las|los|nuestra) (?:pol[íi]tica|t[ée]rminos|condiciones)\b/i,
    example: ['Changes to this Privacy Policy', 'Changes to your account settings'],
  },
  {
    type: 'payment',
    pattern:
      /\bpayments?\b|\bfees?\b|\bbilling\b|\bpric(?:es|ing)\b|\brefunds?\b|(?<!\b(?:newsletter|e-?mail|mailing) )\bsubscriptions?\b|\bauto[- ]?renew\w*|\bpaiements?\b|\btarifs?\b|\bremboursements?\b|\babonnements?\b|\bzahlung\w*|\bpagos?\b|\breembolsos?\b|\bsuscripci[óo]n(?:es)?\b/i,
    example: ['Fees and payment', 'Newsletter subscriptions'],
  },
  {
    type: 'third-party-services',
    pattern:
      /\bthird[- ]part(?:y|ies)'? (?:services|sites|websites|links|content|apps|applications|products|platforms|integrations|plug-?ins)\b|\blinks? to (?:other|third[- ]party|external)\b|\bexternal (?:links|sites|websites|services)\b|\bservices tiers\b|\bsites tiers\b|\bdienste dritter\b|\bservicios de terceros\b/i,
    example: ['Links to third-party websites', 'Sharing with third parties'],
  },
  {
    type: 'content-ownership',
    pattern: /\b(?:content |output )?ownership\b|\bwho owns\b|\b(?:you|we) own\b|\bownership of (?:your |the )?(?:content|outputs?)\b|\bpropri[ée]t[ée] (?:des|de vos) contenus\b|\btitularidad\b/i,
    example: ['Who owns the outputs', 'Who operates the service'],
  },
];

/** What one decisive cue gives a clause (1 − e^(−3/2.5)): a heading that names its topic says as much. */
const HEADING_TOPIC_CONFIDENCE = 0.7;

/** The heading's topics as clause-type matches (a decisive cue's confidence), those `known` does not already hold. */
export function headingTopics(heading: string, known: ReadonlySet<string>): ClauseTypeMatch[] {
  return topicsOf(heading).filter((m) => !known.has(m.id));
}

// A document repeats its headings over every clause under them: each heading is read once (a few hundred are kept).
const remembered = new Map<string, ClauseTypeMatch[]>();
const REMEMBERED_MAX = 512;

function topicsOf(heading: string): ClauseTypeMatch[] {
  let found = remembered.get(heading);
  if (found) return found;
  const text = normalizeTypography(heading);
  found = [];
  for (const topic of HEADING_TOPICS) {
    const m = topic.pattern.exec(text);
    if (m) found.push({ id: topic.type, confidence: HEADING_TOPIC_CONFIDENCE, evidence: [{ start: m.index, end: m.index + m[0].length, text: m[0], rule: `heading:${topic.type}` }] });
  }
  if (remembered.size >= REMEMBERED_MAX) remembered.clear();
  remembered.set(heading, found);
  return found;
}
