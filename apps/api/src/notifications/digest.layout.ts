import type { DigestView } from './email-content';

/**
 * The weekly digest's outer layout, assembled from its pre-rendered fragments (change entries and
 * document lines, handlebars, rendered once per change or document and time zone) by string joins:
 * 100,000 digests a week, so no template engine runs per email. Every value that is not a fragment
 * is escaped here.
 *
 * Shared styles sit in one `<style>` block (Gmail, Apple Mail, Outlook and most clients honour it);
 * the few that matter where a client drops it (the page width and font, the severity colours) stay
 * inline, once per email or once per fragment.
 */

const STYLE =
  'body{margin:0;padding:0;background:#f4f4f5}' +
  'h1{font-size:20px;margin:0 0 8px}h2{font-size:17px;margin:16px 0 6px}h2.s{font-size:16px}' +
  '.m{color:#52525b;font-size:13px}a{color:#1d4ed8}' +
  '.e{margin:0 0 10px;padding-left:8px;border-left:3px solid #d4d4d8}' +
  '.severity{padding:0 6px;border-radius:8px;font-size:12px;font-weight:600}' +
  'ul{margin:0 0 8px;padding-left:20px;font-size:14px}hr{border:0;border-top:1px solid #e4e4e7;margin:16px 0}';

const WRAPPER =
  'max-width:640px;margin:0 auto;padding:16px;font-family:-apple-system,\'Segoe UI\',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#18181b;background:#ffffff';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' };

/** Escapes text for HTML content and attribute values (the same characters as handlebars). */
export function escapeHtml(value: string | number): string {
  const text = String(value);
  return /[&<>"'`=]/.test(text) ? text.replace(/[&<>"'`=]/g, (ch) => ESCAPES[ch]) : text;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function renderDigest(view: DigestView): { html: string; text: string } {
  return { html: digestHtml(view), text: digestText(view) };
}

function digestHtml(view: DigestView): string {
  const period = escapeHtml(view.period);
  let html =
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(view.subject)}</title><style>${STYLE}</style></head>\n<body style="margin:0;padding:0;background:#f4f4f5">\n` +
    `<div style="${WRAPPER}">\n<p class="m" style="margin:0 0 8px">Clausewatch weekly digest · ${period}</p>\n`;
  if (view.quiet) {
    html += `<h1>No changes this week</h1>\n<p style="margin:0 0 12px">Nothing you follow changed at or above your chosen severity. We kept watching: here is the proof.</p>\n`;
  } else {
    html += `<h1>${plural(view.changeCount, 'change')} this week</h1>\n`;
    for (const platform of view.platforms) {
      html += `<h2>${escapeHtml(platform.name)}</h2>\n`;
      for (const entry of platform.changes) html += entry.html;
      html += '\n';
    }
  }
  const { monitoring } = view;
  html +=
    `<h2 class="s">Monitoring</h2>\n<p style="margin:0 0 6px">${monitoring.documentsChecked} of ${plural(monitoring.documents.length, 'followed document')} checked this week` +
    `${monitoring.failingCount ? `, <strong>${monitoring.failingCount} failing</strong>` : ''}.</p>\n<ul>`;
  for (const line of monitoring.documents) html += line.html;
  html +=
    `</ul>\n<hr>\n<p class="m" style="margin:0">Why am I getting this? Every subscriber gets a weekly digest of what they follow. ` +
    `<a href="${escapeHtml(view.preferencesUrl)}">Email preferences</a> · <a href="${escapeHtml(view.unsubscribeUrl)}">Unsubscribe</a></p>\n</div>\n</body></html>\n`;
  return html;
}

function digestText(view: DigestView): string {
  let text = `Clausewatch weekly digest, ${view.period}\n\n`;
  if (view.quiet) {
    text += 'No changes this week: nothing you follow changed at or above your chosen severity. We kept watching; here is the proof.\n';
  } else {
    text += `${plural(view.changeCount, 'change')} this week.\n`;
    for (const platform of view.platforms) {
      text += `\n== ${platform.name} ==\n`;
      for (const entry of platform.changes) text += `\n${entry.text}\n`;
    }
  }
  const { monitoring } = view;
  text += `\nMonitoring: ${monitoring.documentsChecked} of ${monitoring.documents.length} followed documents checked this week${monitoring.failingCount ? `, ${monitoring.failingCount} failing` : ''}.\n`;
  for (const line of monitoring.documents) text += `${line.text}\n`;
  text += `\nWhy am I getting this? Every subscriber gets a weekly digest of what they follow.\nEmail preferences: ${view.preferencesUrl}\nUnsubscribe: ${view.unsubscribeUrl}\n`;
  return text;
}
