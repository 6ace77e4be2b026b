import { extractText, getDocumentProxy, getMeta } from 'unpdf';
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

/** Page texts of a PDF, one paragraph block per page, with the document's own title if it has one. */
export async function extractPdf(bytes: Buffer): Promise<PdfText> {
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: false });
    let title: string | null = null;
    try {
      const { info } = await getMeta(pdf);
      const raw = (info as Record<string, unknown>)?.Title;
      title = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
    } catch {
      title = null;
    }
    return { text: text.join('\n\n'), title };
  } catch (error) {
    throw new ExtractionError('unsupported-content', `unreadable PDF: ${error instanceof Error ? error.message : String(error)}`);
  }
}
