import { accessSync, constants, statSync } from 'node:fs';

/** A document that cannot be fetched without a browser. */
export interface BrowserDocument {
  recordId: string;
  platform: string;
  title: string;
}

/** Why Chromium cannot be launched from `path`, or null when an executable file is there. */
export function chromiumProblem(path: string): string | null {
  try {
    if (!statSync(path).isFile()) return `${path} is not a file`;
    accessSync(path, constants.X_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `no Chromium at ${path}` : code === 'EACCES' ? `${path} is not executable` : `${path}: ${(error as Error).message}`;
  }
}

/** Most documents a start-up message names before it only counts the rest. */
const LISTED = 20;

/**
 * The one message said at start when Chromium is missing: what is wrong, what to do, and which
 * documents will fail their checks (cause `browser-unavailable`) until it is fixed.
 */
export function chromiumMissingMessage(problem: string, documents: BrowserDocument[]): string {
  const lines = [
    `Chromium unavailable (${problem}): install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    documents.length === 0
      ? 'No active document needs a browser now; documents fetched "auto" fall back to one only when plain HTTP is not enough, and such checks fail with cause browser-unavailable.'
      : `${documents.length} active document(s) need a browser and their checks will fail with cause browser-unavailable until then:`,
    ...documents.slice(0, LISTED).map((d) => `  ${d.recordId}  ${d.platform}: ${d.title}`),
    ...(documents.length > LISTED ? [`  … and ${documents.length - LISTED} more`] : []),
  ];
  return lines.join('\n');
}
