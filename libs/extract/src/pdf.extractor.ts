import { Worker } from 'node:worker_threads';
import { PDF_TIMEOUT_MS } from './extract.constants';
import { ExtractionError } from './extract.types';

export interface PdfText {
  text: string;
  title: string | null;
}

export function isPdf(bytes: Buffer, contentType: string | undefined): boolean {
  if (/^application\/(x-)?pdf\b/i.test(contentType ?? '')) return true;
  // The magic number may follow a little junk (some servers prepend whitespace or a BOM).
  return bytes.subarray(0, 1024).includes('%PDF-');
}

// unpdf loads its PDF.js bundle with a dynamic import(), which fails inside a vm context (jest,
// and any other sandboxed caller). A worker thread is a plain Node context, and it also keeps a
// long PDF parse off the caller's event loop.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { getDocumentProxy, extractText, getMeta } = require(workerData.unpdf);
(async () => {
  const pdf = await getDocumentProxy(new Uint8Array(workerData.bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  let title = null;
  try {
    const { info } = await getMeta(pdf);
    if (info && typeof info.Title === 'string' && info.Title.trim() !== '') title = info.Title.trim();
  } catch {}
  parentPort.postMessage({ text: text.join('\\n\\n'), title });
})().catch((error) => parentPort.postMessage({ error: error && error.message ? error.message : String(error) }));
`;

/** Page texts of a PDF, one block per page, with the document's own title if it has one. */
export function extractPdf(bytes: Buffer): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const fail = (message: string) => reject(new ExtractionError('unsupported-content', `unreadable PDF: ${message}`));
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bytes, unpdf: require.resolve('unpdf') } });
    const timer = setTimeout(() => {
      void worker.terminate();
      fail(`no text after ${PDF_TIMEOUT_MS} ms`);
    }, PDF_TIMEOUT_MS);
    worker.once('message', (message: { text: string; title: string | null } | { error: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if ('error' in message) fail(message.error);
      else resolve(message);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      fail(error.message);
    });
  });
}
