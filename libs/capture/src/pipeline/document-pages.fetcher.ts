import { ChecksRepository, Document, NewCheck } from '@clausewatch/db';
import { Inject, Injectable } from '@nestjs/common';
import { PAGE_FETCHER } from '../capture.constants';
import type { CheckOutcome, FetchResult, PageFetcher } from '../fetch';
import type { Capture } from './capture.types';

export interface FetchedDocument {
  outcome: CheckOutcome;
  cause?: string;
  transient: boolean;
  httpStatus?: number;
  finalUrl?: string;
  fetcher: string;
  /** Every page, when the outcome is `ok`. */
  capture?: Capture;
}

/** The check row of a fetch that gave no page to record (no hashes, no validators, no version). */
export function failedFetchCheck(
  documentId: string,
  run: { trigger: NewCheck['trigger']; attempt: number; startedAt: Date; durationMs: number },
  fetched: FetchedDocument,
): Omit<NewCheck, 'versionId'> {
  return {
    documentId,
    ...run,
    outcome: fetched.outcome,
    cause: fetched.cause ?? null,
    httpStatus: fetched.httpStatus ?? null,
    fetcher: fetched.fetcher,
    finalUrl: fetched.finalUrl ?? null,
    rawSha256: null,
    textSha256: null,
    etag: null,
    lastModified: null,
  };
}

/** Fetches every page of a document, in reading order; the first page that fails is the outcome. */
@Injectable()
export class DocumentPagesFetcher {
  constructor(
    @Inject(PAGE_FETCHER) private readonly fetcher: PageFetcher,
    private readonly checks: ChecksRepository,
  ) {}

  /**
   * `conditional`: send the validators of the last successful response (an ordinary check of a
   * one-page document). A confirmation never does: it must see the page's bytes again.
   */
  async fetch(document: Document, options: { conditional: boolean }): Promise<FetchedDocument> {
    const validators = options.conditional && document.sources.length === 1 ? await this.checks.latestValidators(document.id) : null;
    const results: FetchResult[] = [];
    for (const source of document.sources) {
      const result = await this.fetcher.fetch({
        url: source.url,
        fetcher: document.fetcher,
        waitForSelectors: source.select?.filter((s): s is string => typeof s === 'string'),
        etag: validators?.etag ?? undefined,
        lastModified: validators?.lastModified ?? undefined,
      });
      if (result.outcome !== 'ok') {
        return { outcome: result.outcome, cause: result.cause, transient: result.transient, httpStatus: result.httpStatus, finalUrl: result.finalUrl, fetcher: result.fetcher };
      }
      results.push(result);
    }
    const first = results[0];
    return {
      outcome: 'ok',
      transient: false,
      httpStatus: first.httpStatus,
      finalUrl: first.finalUrl,
      fetcher: first.fetcher,
      capture: {
        parts: results.map((r) => ({ body: r.body!, contentType: r.contentType ?? null, url: r.finalUrl ?? r.url })),
        url: first.url,
        finalUrl: first.finalUrl ?? null,
        httpStatus: first.httpStatus ?? null,
        fetcher: first.fetcher,
        capturedAt: new Date(),
        etag: first.etag ?? null,
        lastModified: first.lastModified ?? null,
      },
    };
  }
}
