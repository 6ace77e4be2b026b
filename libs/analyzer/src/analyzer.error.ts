export enum AnalyzerErrorCode {
  InvalidInput = 'invalid-input',
  SummariserFailed = 'summariser-failed',
}

export class AnalyzerError extends Error {
  constructor(
    readonly code: AnalyzerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AnalyzerError';
  }
}
