export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  updated: Date;
  published: Date;
  summary: string;
  categories: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  selfLink: string;
  alternateLink: string;
  updated: Date;
  entries: AtomEntry[];
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML and drops the control characters XML 1.0 cannot carry at all. */
export function xmlEscape(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]);
}

/** An RFC 4287 Atom document. */
export function renderAtom(feed: AtomFeed): string {
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${xmlEscape(e.id)}</id>
    <title>${xmlEscape(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(e.link)}"/>
    <published>${e.published.toISOString()}</published>
    <updated>${e.updated.toISOString()}</updated>
${e.categories.map((c) => `    <category term="${xmlEscape(c)}"/>`).join('\n')}
    <summary type="text">${xmlEscape(e.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xmlEscape(feed.id)}</id>
  <title>${xmlEscape(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfLink)}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(feed.alternateLink)}"/>
  <updated>${feed.updated.toISOString()}</updated>
  <author><name>Clausewatch</name></author>
  <generator>Clausewatch</generator>
${entries.join('\n')}
</feed>
`;
}
