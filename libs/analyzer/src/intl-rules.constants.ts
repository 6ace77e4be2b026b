import { ClauseRule, rule } from './clause-rule.types';

// The heavy clause types in French, German and Spanish: the act with its object, as in the English rules (training
// models, selling personal data, arbitration and group-action waivers, biometric and precise-location data, the rights
// of access and erasure, keeping data for a period). Same scale as privacy-rules; sources in lower case.
export const intlRules: ClauseRule[] = [
  rule('ai-training', 'train-models-intl', /\b(?:entraîn\w*|entrain\w*|trainier\w*|entren\w*)\b[^.;]{0,80}\b(?:modèles?|modell\w*|modelos?|intelligence artificielle|künstliche\w* intelligenz|inteligencia artificial|ia|ki|algorithm\w*|algoritmos?)\b/, 3.5, -1.5),
  rule('data-sale', 'sell-data-intl', /\b(?:vend(?:re|ons|ent|u|us|ue|ues)?|vente|verkauf\w*|vender|vendemos|venden|vendid\w+|venta)\b[^.;]{0,60}\b(?:données|daten|datos|informations? personnelles|información personal)\b/, 4, -3, { negatedStance: 2 }),
  rule('dispute-resolution', 'arbitration-intl', /\barbitrage\b|\barbitraje\b|\bschieds(?:verfahren|gericht|klausel|vereinbarung)\w*|\bactions? (?:collectives?|de groupe)\b|\bsammelklage\w*|\bgruppenklage\w*|\b(?:demandas?|acci(?:ón|ones)) colectivas?\b/, 4, -1.5),
  rule('sensitive-data', 'sensitive-intl', /\bbiom[ée]tri\w*|\breconnaissance faciale\b|\bg[ée]olocali\w*|\blocalisation pr[ée]cise\b|\bdonn[ée]es de sant[ée]\b|\bgesichts(?:erkennung|scan)\w*|\bstandortdaten\b|\bgenaue\w* standort\w*|\bgesundheitsdaten\b|\breconocimiento facial\b|\bubicaci[óo]n precisa\b|\bdatos de salud\b/, 3.5, -1),
  rule('user-rights', 'rights-intl', /\bdroits? (?:d'accès|de rectification|à l'effacement|d'effacement|de suppression|à la portabilité|d'opposition|à la limitation)|\brecht auf (?:auskunft|berichtigung|löschung|datenübertragbarkeit|widerspruch|einschränkung)|\bauskunftsrecht\b|\bderechos? (?:de acceso|de rectificaci[óo]n|de supresi[óo]n|a la portabilidad|de oposici[óo]n|al olvido|de cancelaci[óo]n)/, 3.5, 2),
  rule('retention', 'retention-intl', /\b(?:conserv\w+|aufbewahr\w*|speicher\w*|gespeichert|almacen\w+|retenci[óo]n)\b[^.;]{0,80}\b(?:\d+|un|une|deux|trois|ein\w*|zwei|drei|uno|una|dos|tres)\s+(?:ans?|années?|mois|jours|jahre?n?|monate?n?|tage?n?|años?|meses|días?)\b|\b(?:\d+|un|une|deux|trois|ein\w*|zwei|drei|uno|una|dos|tres)\s+(?:ans?|années?|mois|jours|jahre?n?|monate?n?|tage?n?|años?|meses|días?)\b[^.;]{0,60}\b(?:conserv\w+|aufbewahrt|gespeichert|almacenad\w+)|\bdurée de conservation\b|\bspeicherdauer\b|\bplazo de conservaci[óo]n\b/, 3, 0),
  // Sharing with third parties, targeted advertising, children, account closure, governing law and liability.
  rule('data-sharing', 'share-third-intl', /\b(?:partag\w+|communiqu\w+|transmett\w+|transmis\w*|weitergeb\w*|weitergegeben|übermitt\w+|compart\w+|ced\w+|transfer\w+)\b[^.;]{0,80}\b(?:tiers|partenaires|prestataires|dritte\w*|partner\w*|dienstleister\w*|terceros|socios|proveedores)\b/, 3, -1.5),
  rule('advertising', 'ads-intl', /\b(?:publicit[ée]s? (?:cibl[ée]es?|personnalis[ée]es?)|personalisierte\w* werbung|interessenbasierte\w* werbung|gezielte\w* werbung|publicidad (?:personalizada|dirigida|basada en)|anuncios personalizados)/, 3, -1),
  rule('children', 'children-intl', /\b(?:enfants?|mineurs?|kinder\w*|minderjährig\w*|niños|menores)\b/, 2.5),
  rule('account-termination', 'terminate-account-intl', /\b(?:suspend\w*|r[ée]sili\w+|supprim\w+|sperr\w+|kündig\w+|l[öo]sch\w+|suspender|cancelar|eliminar)\b[^.;]{0,60}\b(?:compte|konto|cuenta)\b/, 3, -1, { userActorStance: 2 }),
  rule('governing-law', 'governing-law-intl', /\b(?:droit (?:français|applicable)|tribunaux (?:comp[ée]tents|de)|loi applicable|anwendbare\w* recht|gerichtsstand|deutsche\w* recht|ley aplicable|tribunales (?:de|competentes)|jurisdicci[óo]n)\b/, 3.5),
  rule('liability', 'liability-intl', /\b(?:responsabilit[ée]|haftung|haften|responsabilidad)\b/, 2.5, -1, { negatedStance: -1.5 }),
];
