import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The one stylesheet and the small progressive script, read once; the version in their URL is a hash of the content. */
export const ASSETS: Record<string, { body: Buffer; type: string }> = Object.fromEntries(
  [
    ['app.css', 'text/css; charset=utf-8'],
    ['app.js', 'text/javascript; charset=utf-8'],
  ].map(([name, type]) => [name, { body: readFileSync(join(__dirname, '../views/assets', name)), type }]),
);

export const ASSET_VERSIONS: Record<string, string> = Object.fromEntries(
  Object.entries(ASSETS).map(([name, { body }]) => [name, createHash('sha256').update(body).digest('hex').slice(0, 10)]),
);
