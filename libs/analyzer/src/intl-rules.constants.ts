import { ClauseRule, rule } from './clause-rule.types';

// \w and \b know ASCII letters only: "conservées", "supprimé", "partagées" have a letter they do not see, so a stem
// followed by \w+ stopped matching at it ("conserv" + "ées"), and a \b after a word ending in one ("résilié") never
// held. Each rule's pattern is read with \w as any Latin letter, and a \b after a class, a group or a repeat as a
// boundary between a Latin letter and anything else.
const LATIN_LETTER = '\\w\\u00c0-\\u024f';
const LATIN_BOUNDARY = `(?:(?<=[${LATIN_LETTER}])(?![${LATIN_LETTER}])|(?<![${LATIN_LETTER}])(?=[${LATIN_LETTER}]))`;

/** The pattern with \w taken as any Latin letter (accented ones too), and a \b after a token as a Latin word boundary. */
export function latinWords(re: RegExp): RegExp {
  let out = '';
  let inClass = false;
  const src = re.source;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const next = src[i + 1];
      i++;
      if (next === 'w') out += inClass ? LATIN_LETTER : `[${LATIN_LETTER}]`;
      // After a literal ASCII letter ("ans\b") the plain \b already ends the word; after a class, a group or a repeat
      // the word may end in an accented letter.
      else if (next === 'b' && !inClass && out !== '' && !/(?:^|[^\\])(?:\||\((?:\?:)?)$/.test(out) && !/(?:^|[^\\])[a-z0-9]$/.test(out)) out += LATIN_BOUNDARY;
      else out += `\\${next}`;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return new RegExp(out, re.flags);
}

export const intlRules: ClauseRule[] = (<ClauseRule[]>[
  rule('ai-training', 'train-models-intl', /\b(?:ki-?modell\w*|sprachmodell\w*|modell\w*|künstliche\w* intelligenz|\bki\b)\b[^.;]{0,40}\b(?:zu )?trainier\w*|\b(?:entraîn\w*|entrain\w*|trainier\w*|entren\w*)\b[^.;]{0,80}\b(?:modèles?|modell\w*|modelos?|intelligence artificielle|künstliche\w* intelligenz|inteligencia artificial|ia|ki|algorithm\w*|algoritmos?)\b/, 3.5, -1.5),
  rule('data-sale', 'sell-data-intl', /\b(?:vend(?:re|ons|ent|u|us|ue|ues)?|vente|verkauf\w*|vender|vendemos|venden|vendid\w+|venta)\b[^.;]{0,60}\b(?:données|daten|datos|informations? personnelles|información personal)\b/, 4, -3, { negatedStance: 2 }),
  rule('dispute-resolution', 'arbitration-intl', /\barbitrage\b|\bclause compromissoire\b|\brenonc\w+ [^.;]{0,40}\b(?:action|recours) (?:collective?|de groupe)\b|\barbitraje\b|\bschieds(?:verfahren|gericht|klausel|vereinbarung)\w*|\bactions? (?:collectives?|de groupe)\b|\bsammelklage\w*|\bgruppenklage\w*|\b(?:demandas?|acci(?:ón|ones)) colectivas?\b/, 4, -1.5),
  rule('sensitive-data', 'sensitive-intl', /\bbiom[ée]tri\w*|\breconnaissance faciale\b|\b(?:scans?|empreintes?|donn[ée]es|images?|gabarits?) (?:du |de |de votre )?visage\b|\bg[ée]olocali\w*|\blocalisation pr[ée]cise\b|\bdonn[ée]es de sant[ée]\b|\bgesichts(?:erkennung|scan)\w*|\bstandortdaten\b|\bgenaue\w* standort\w*|\bgesundheitsdaten\b|\breconocimiento facial\b|\bubicaci[óo]n precisa\b|\bdatos de salud\b/, 3.5, -1),
  rule('user-rights', 'rights-intl', /\bdroits? (?:d'accès|de rectification|à l'effacement|d'effacement|de suppression|à la portabilité|d'opposition|à la limitation)|\brecht auf (?:auskunft|berichtigung|löschung|datenübertragbarkeit|widerspruch|einschränkung)|\bauskunftsrecht\b|\bderechos? (?:de acceso|de rectificaci[óo]n|de supresi[óo]n|a la portabilidad|de oposici[óo]n|al olvido|de cancelaci[óo]n)/, 3.5, 2),
  rule('retention', 'retention-intl', /\b(?:conserv\w+|aufbewahr\w*|speicher\w*|gespeichert|almacen\w+|retenci[óo]n)\b[^.;]{0,80}\b(?:\d+|un|une|deux|trois|ein\w*|zwei|drei|uno|una|dos|tres)\s+(?:ans?|années?|mois|jours|jahre?n?|monate?n?|tage?n?|años?|meses|días?)\b|\b(?:\d+|un|une|deux|trois|ein\w*|zwei|drei|uno|una|dos|tres)\s+(?:ans?|années?|mois|jours|jahre?n?|monate?n?|tage?n?|años?|meses|días?)\b[^.;]{0,60}\b(?:conserv\w+|aufbewahrt|gespeichert|almacenad\w+)|\bdurée de conservation\b|\bspeicherdauer\b|\bplazo de conservaci[óo]n\b/, 3, 0),
  // Deleting data or an account (the user's right, or the provider's erasure; in German the verb may close the clause),
  // and exercising the data-protection rights.
  rule('deletion', 'delete-data-intl', /\b(?:supprim\w+|effac\w+|l[öo]sch\w+|eliminar|borrar|suprimir)\b[^.;]{0,40}\b(?:donn[ée]es|compte|contenus?|daten|konto|kontos|datos|cuenta|contenidos?)\b|\b(?:suppression|effacement|l[öo]schung|eliminaci[óo]n|supresi[óo]n|borrado) (?:de (?:vos |tes |ses |sus |tus |la |los )?|des |der |ihre[rs]? |del? )?(?:donn[ée]es|compte|daten|kontos?|datos|cuenta)\b|\b(?:konto|kontos|daten)\b[^.;]{0,40}\b(?:ge)?l[öo]sch\w*|\b(?:donn[ée]es|compte|contenus?|datos|cuenta|contenidos?)\b[^.;]{0,40}\b(?:supprim[ée]\w*|effac[ée]\w*|eliminad\w+|borrad\w+|suprimid\w+)|\bselbstl[öo]sch\w*|\bkontol[öo]sch\w*/, 3, 0.5),
  rule('user-rights', 'exercise-rights-intl', /\bexercer (?:vos|tes|ses|ces|les) droits\b|\b(?:ihre|diese|ihrer) (?:rechte|betroffenenrechte) (?:aus(?:zu)?üben|geltend (?:zu )?machen|wahrnehmen|wahrzunehmen)\b|\bbetroffenenrechte\b|\bejercer (?:sus|tus|los|estos) derechos\b/, 3, 1.5),
  // The rights stated as what the user may do: "vous pouvez vous opposer à ce traitement", "Sie können der Nutzung
  // widersprechen", "puede oponerse al tratamiento".
  rule('user-rights', 'you-can-object-intl', /\bvous (?:pouvez|avez le droit de|disposez du droit de) (?:à tout moment )?(?:vous opposer|retirer votre consentement|demander (?:l'accès|une copie|la rectification|la limitation))\b|\bsie (?:können|haben das recht,?)\b[^.;]{0,60}\b(?:widersprechen|ihre einwilligung (?:jederzeit )?widerrufen)\b|\b(?:usted )?(?:puede|tiene derecho a) (?:en cualquier momento )?(?:oponerse|retirar su consentimiento|solicitar (?:el acceso|una copia|la rectificaci[óo]n))\b/, 2, 2),
  // Marketing messages: being solicited is no gain for the user, being able to unsubscribe is.
  rule('communications', 'promotional-intl', /\bprospection\b|\b(?:communications?|sollicitations?|offres?|messages?) (?:commerciales?|promotionnel(?:le)?s?|publicitaires?)\b|\bwerbe-?(?:e-?mails?|nachrichten|anrufe|zwecke\w*)\b|\bwerbliche\w* (?:kommunikation|nachrichten|e-?mails?)\b|\b(?:comunicaciones|mensajes|ofertas) (?:comerciales|promocionales|publicitari[oa]s)\b/, 3, -0.5),
  rule('communications', 'unsubscribe-intl', /\bd[ée]sinscri\w+|\bd[ée]sabonn\w+|\babbestell\w+|\bdarse de baja\b|\bcancelar (?:la |su |tu )?suscripci[óo]n\b/, 3, 1.5),

  // Changes to the terms and their notice, the age to use the service, collecting data, trackers, content removed by the
  // platform, transfers outside the EU and security: the light and medium key types in their usual wording. \b does not
  // see an accented letter as part of a word, so a word that starts with one is anchored on the space before it.
  rule('policy-changes', 'policy-changes-intl', /(?:\bmodifi\w+|\bm(?:ettre|ettons|ettent|et|is|ise|ises) à jour|(?<!\S)änder\w*|\baktualisier\w*|\bmodificar|modificaci[óo]n\w*|actualizar|actualizaci[óo]n\w*)\b[^.;]{0,60}\b(?:conditions|présentes|présent (?:avis|document|contrat|accord|règlement)|politique|charte|avis de confidentialité|déclaration de confidentialité|cgu|cgv|bedingungen|nutzungsbedingungen|agb|datenschutzerklärung|richtlinie|términos|condiciones|política)\b|\b(?:conditions|politique|charte|bedingungen|agb|richtlinie|términos|condiciones|política)\b[^.;]{0,40}\b(?:peu(?:t|vent) être modifi\w+|pourr\w+ être modifi\w+|geändert werden|pueden? ser modificad\w+)|\b\w*(?:bedingungen|agb|datenschutzerklärung|richtlinie)\b[^.;]{0,40}(?:ändern|aktualisieren|anzupassen|anpassen)\b|\bdernière mise à jour\b|\bzuletzt (?:am |im )?(?:[\d./]+ |\w+ ){0,3}(?:aktualisiert|geändert|überarbeitet)\b|\bbehalten? (?:wir|uns)\b[^.;]{0,40}(?<!\S)änderungen\b[^.;]{0,20}\bvor\b|\bsujet(?:te)?s? à (?:des )?modifications?\b|(?<!\S)[úu]ltima actualizaci[óo]n\b|\bversion en vigueur\b/, 3, -0.5),
  // The contract changed by the platform: "Vertragsänderung", "modification du contrat", "modificación del contrato".
  rule('policy-changes', 'contract-change-intl', /\b(?:vertrags(?:änderung|anpassung)\w*|änderung(?:en)? (?:der|dieser) (?:nutzungsbedingungen|agb|bedingungen)|modifications? (?:des|du|de ces) (?:conditions|contrat|cgu)|modificaci[óo]n(?:es)? (?:de (?:los|estos) términos|del contrato|de las condiciones))/, 3, -0.5),
  rule('eligibility', 'minimum-age-intl', /\b(?:au moins|moins de|plus de|mindestens|unter|mayor(?:es)? de|menor(?:es)? de|al menos)\b[^.;]{0,10}\b(?:1[3-8]|21) (?:ans|jahre\w*|años)\b|(?<!\S)(?:être|êtes|est|soyez|sont) majeure?s?\b|\bvolljährig\w*|\bmayor(?:es)? de edad\b|\b(?:l'|l’)?[âa]ge minimum\b|\bmindestalter\b|\bedad mínima\b/, 3),
  rule('data-collection', 'collect-intl', /\b(?:collect\w+|recueill\w+|erheb\w+|erfass\w+|sammeln|recopil\w+|recogemos|recogida)\b[^.;]{0,60}\b(?:données|informations|renseignements|daten|datos|información)\b|\b(?:données|informations|renseignements)\b[^.;]{0,60}\b(?:collect[ée]e?s|recueilli\w*)|\b(?:daten|informationen)\b[^.;]{0,60}\b(?:erhoben|erfasst|gesammelt)\b|\b(?:datos|información)\b[^.;]{0,60}\brecopilad\w+/, 2.5, -0.5),
  rule('tracking', 'trackers-intl', /\btraceurs?\b|\btémoins de connexion\b|\btechnologies similaires\b|\btracking-technologien\b|\b[äa]hnliche\w* technologien\b|\btecnolog[íi]as similares\b|\brastreo\b/, 3, -0.5),
  rule('content-moderation', 'remove-content-intl', /\b(?:supprim\w+|retir\w+|modér\w+|bloqu\w+|entfern\w+|sperr\w+|moderier\w+|eliminar|retirar|moderar|bloquear)\b[^.;]{0,50}\b(?:contenus?|publications?|commentaires?|inhalte?|beiträge?|kommentare?|contenidos?|publicaciones?|comentarios?)\b|\b(?:inhalte?|beiträge?|kommentare?)\b[^.;]{0,50}\b(?:entfern\w*|sperr\w*|moderier\w*|gelöscht)|\bmodération\b|\bmoderaci[óo]n\b/, 3, -1),
  // Reporting a person, a profile or content to the platform (the English 'reported' rule): moderation.
  rule('content-moderation', 'report-intl', /\b(?:signal\w+|melde\w*|meldung\w*|denunci\w+|report\w+)\b[^.;]{0,40}\b(?:personne|profils?|contenus?|membres?|utilisateurs?|person(?:en)?|profile?s?|inhalte?|mitglied\w*|nutzer\w*|persona|perfil\w*|contenidos?|usuari\w+|miembros?)\b|\b(?:personne|profils?|contenus?|membres?|person(?:en)?|profile?s?|inhalte?|mitglied\w*|nutzer\w*|persona|perfil\w*|contenidos?|usuari\w+)\b[^.;]{0,40}\b(?:signaler|melden|denunciar|reportar)\b/, 3, 0),
  rule('international-transfer', 'transfer-abroad-intl', /\btransf[\wéè]+[^.;]{0,60}\b(?:hors (?:de l'|du |de )?(?:union européenne|ue|eee|espace économique européen)|pays tiers)|\bdrittländer\w*|\bdrittstaat\w*|\baußerhalb (?:der eu|des ewr|der europäischen union)|\btransferencias? internacionales?\b|\bfuera del (?:eee|espacio económico europeo)\b|\bterceros países\b|\bclauses contractuelles types\b|\bstandardvertragsklauseln\b|\bcláusulas contractuales tipo\b/, 3.5, -1),
  rule('security', 'security-intl', /\bs[ée]curit[ée](?![\w])(?! sociale)|\bsicherheit\w*|\bseguridad\b(?! social)|\bchiffr\w+|\bverschlüssel\w+|\bcifrad\w+|\bcrypt(?:é|ée|és|ées|age)(?![\w])|\bviolations? de (?:données|la sécurité)|\bfuites? de données|\bdatenpanne\w*|\bbrechas? de (?:seguridad|datos)\b/, 2, 0.5),

  // Sharing with third parties, targeted advertising, children, account closure, governing law and liability.
  rule('data-sharing', 'share-third-intl', /\b(?:partag\w+|communiqu\w+|transmett\w+|transmis\w*|weitergeb\w*|weitergegeben|übermitt\w+|compart\w+|ced\w+|transfer\w+)\b[^.;]{0,80}\b(?:tiers|partenaires|prestataires|annonceurs|dritte\w*|partner\w*|dienstleister\w*|werbetreibende\w*|terceros|socios|proveedores|anunciantes)\b/, 3, -1.5),
  rule('advertising', 'ads-intl', /\b(?:publicit[ée]s? (?:cibl[ée]es?|personnalis[ée]es?)|personalisierte\w* werbung|interessenbasierte\w* werbung|gezielte\w* werbung|publicidad (?:personalizada|dirigida|basada en)|anuncios personalizados)/, 3, -1),
  rule('children', 'children-intl', /\b(?:enfants?|mineurs?|kinder\w*|minderjährig\w*|niños|menores)\b/, 2.5),
  rule('account-termination', 'terminate-account-intl', /\b(?:suspend\w*|r[ée]sili\w+|supprim\w+|sperr\w+|kündig\w+|l[öo]sch\w+|suspender|cancelar|eliminar)\b[^.;]{0,60}\b(?:comptes?|kont(?:o|os|en)|cuentas?|contrat|vertrag\w*|contrato|profil\w*|perfil\w*|mitgliedschaft|adhésion|abonnement)\b|\b(?:kont(?:o|os|en)|vertrag\w*|profil\w*|mitgliedschaft)\b[^.;]{0,60}\b(?:gekündigt|gesperrt|(?:ge)?l[öo]sch\w*|kündig\w*|sperr\w*)|\b(?:comptes?|cuentas?|contrat|contrato|abonnement|profil|perfil)\b[^.;]{0,60}\b(?:suspendu\w*|r[ée]sili[ée]\w*|supprim[ée]\w*|suspendid\w+|cancelad\w+|eliminad\w+)/, 3, -1, { userActorStance: 2 }),
  rule('governing-law', 'governing-law-intl', /\b(?:droit (?:français|applicable)|tribunaux (?:comp[ée]tents|de)|loi applicable|anwendbare\w* recht|gerichtsstand|deutsche\w* recht|ley aplicable|tribunales (?:de|competentes)|jurisdicci[óo]n)\b/, 3.5),
  // What the user must not do ("il est interdit de", "ist untersagt", "está prohibido", "ne … pas publier"), the licence the
  // user grants on their content, prices and refunds, and indemnifying the platform: the light and medium terms-of-
  // service types, so that a clause about them is read, not sized.
  rule('acceptable-use', 'prohibited-intl', /\b(?:(?:il est |sont |est )?interdit\w*|prohib[ée]\w*|prohibid\w+|défendu\w*|verboten\w*|untersagt|unzulässig\w*|nicht (?:erlaubt|gestattet|zulässig)|prohibid\w+|no (?:est[áa] )?permitid\w+|no se permite|harc[eè]l\w+|belästig\w*|acoso|acosar|haine|hassrede\w*|odio)\b/, 2.5, -0.5),
  rule('content-license', 'license-intl', /\b(?:droits? d'utilisation|(?:vous nous |tu nous )?(?:conc[ée]d\w+|accord\w+) (?:à \w+ )?(?:une? |le |un droit|une licence)|lizenz\w*|nutzungsrecht\w*|(?:räum|gewähr)\w* [^.;]{0,40}\b(?:recht|rechte|lizenz)\b|licencia\w*|derechos? de uso|conced\w+ [^.;]{0,20}\b(?:licencia|derecho))\b/, 2.5, -0.5),
  rule('payment', 'price-intl', /\b(?:prix|tarifs?|abonnement\w*|paiement\w*|rembours\w+|factur\w+|frais|preis\w*|kosten\w*|kostenpflichtig\w*|zahlung\w*|erstatt\w+|rückerstatt\w+|gebühr\w*|precio\w*|tarifa\w*|suscripci[óo]n\w*|pago\w*|reembols\w+)\b/, 1.5),
  rule('indemnification', 'indemnify-intl', /\b(?:garanti\w+ [^.;]{0,30}\bcontre (?:toute|tout)|indemnis\w+|freistell\w+|schadlos|indemniz\w+|mantener indemne)\b/, 4, -2),
  // The platform developing or improving its AI with the data ("le développement et l'amélioration de notre IA").
  rule('ai-training', 'develop-models-intl', /\b(?:d[ée]velopp\w+|am[ée]lior\w+|entwickl\w+|verbesser\w+|desarroll\w+|mejor\w+)\b[^.;]{0,50}\b(?:(?:notre|nos|nuestr\w+|unsere\w*) )?(?:ia|ki|intelligence artificielle|künstliche\w* intelligenz|inteligencia artificial|mod[èe]les? d'ia|ki-modell\w*|modelos? de ia)\b/, 2.5, -1),
  rule('liability', 'liability-intl', /\b(?:responsabilit[ée]|haftung|haften|responsabilidad)\b/, 2.5, -1, { negatedStance: -1.5 }),
]).map((r) => ({ ...r, pattern: latinWords(r.pattern) }));
