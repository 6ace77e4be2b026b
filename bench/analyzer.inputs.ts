// The inputs of `npm run bench -- analyzer`, apart from the bench (which may export `run` alone: main.ts imports it as
// ESM): a ~100 KB version pair and a 300-provision rewrite, both from the corpus policy text. Also used to dump and
// compare analyzeChange outputs before and after a speed change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const TARGET_BYTES = 100 * 1024;

function corpusParagraphs(): string[] {
  const dir = join(__dirname, '../../libs/testing/fixtures/corpus/sites/midjourney');
  const html = ['terms-of-service/2025-06-23.html', 'privacy-policy/2025-06-02.html'].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  return [...html.matchAll(/<(?:p|li)[^>]*>([\s\S]*?)<\/(?:p|li)>/g)]
    .map((m) => m[1].replace(/<[^>]+>/g, '').replace(/&[a-z#0-9]+;/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 40);
}

export function buildPair(): [string, string] {
  const paragraphs = corpusParagraphs();
  const before: string[] = ['# Terms and Privacy', 'Last updated: June 2, 2025'];
  let section = 0;
  let size = 0;
  while (size < TARGET_BYTES) {
    section++;
    before.push(`## ${section}. Section ${section}`);
    for (let k = 0; k < 6; k++) before.push(`${paragraphs[(section * 7 + k) % paragraphs.length]} (clause ${section}.${k})`);
    size = before.join('\n\n').length;
  }
  const after = [...before];
  after[1] = 'Last updated: May 5, 2026';
  for (let k = 10; k < after.length; k += Math.floor(after.length / 6)) if (!after[k].startsWith('#')) after[k] = after[k].replace(/\b(may|will)\b/, 'shall').replace(/\.\s/, ', without notice. ');
  const removedAt = after.findIndex((l, i) => i > after.length / 2 && l.startsWith('## '));
  after.splice(removedAt, 7);
  after.splice(20, 0, 'We use your prompts and images to train our machine learning models, and you cannot opt out.');
  const [moved] = after.splice(30, 1);
  after.splice(after.length - 5, 0, moved);
  return [before.join('\n\n'), after.join('\n\n')];
}

export const REWRITE_PROVISIONS = 300;

/** A 300-provision policy and a rewrite of it: every provision reworded, a third of them moved, fifty new ones. */
export function buildRewrite(): [string, string] {
  const paragraphs = corpusParagraphs();
  const before: string[] = ['# Policy'];
  for (let i = 0; i < REWRITE_PROVISIONS; i++) before.push(i % 10 === 0 ? `## Part ${i / 10 + 1}` : `${paragraphs[i % paragraphs.length]} (item ${i})`);
  const after = before.map((l, i) => (l.startsWith('#') ? l : l.replace(/\b(we|you)\b/i, (w) => `${w} and our affiliates`).replace(/\.\s*\(/, `; this applies from ${2026 + (i % 3)} (`)));
  const moved = after.splice(40, 100);
  after.splice(after.length - 20, 0, ...moved);
  for (let k = 0; k < 50; k++) after.splice(5 + k * 5, 0, `We may keep the records of case ${k} for ${k + 2} years and share them with our partners when the law requires it.`);
  return [before.join('\n\n'), after.join('\n\n')];
}
