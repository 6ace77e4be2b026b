import { ExtractInput, ExtractResult, ExtractionError } from './extract.types';

// Placeholder until the extraction pipeline lands (libs/extract is being built in parallel).
export async function extract(_input: ExtractInput): Promise<ExtractResult> {
  throw new ExtractionError('unsupported-content', 'extraction is not built yet');
}
