export enum FetchErrorCode {
  InvalidUrl = 'INVALID_URL',
  UnsupportedScheme = 'UNSUPPORTED_SCHEME',
  CredentialsInUrl = 'CREDENTIALS_IN_URL',
  UrlTooLong = 'URL_TOO_LONG',
  PrivateAddress = 'PRIVATE_ADDRESS',
  DnsFailure = 'DNS_FAILURE',
  BrowserUnavailable = 'BROWSER_UNAVAILABLE',
}

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}
