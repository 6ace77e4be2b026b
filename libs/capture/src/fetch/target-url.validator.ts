import { AddressPolicy, type AddressPolicyOptions } from './address.policy';
import { FetchError, FetchErrorCode } from './fetch.error';
import { MAX_URL_LENGTH } from './fetch.constants';

export { isPrivateAddress } from './address.policy';

export type TargetUrlOptions = AddressPolicyOptions;

/** Checks what can be checked without the network: scheme, credentials, length, literal addresses. */
export function checkTargetUrlSyntax(raw: string, options: Pick<TargetUrlOptions, 'allowPrivateNetworks' | 'allowedPrivateHosts'>): URL {
  if (raw.length > MAX_URL_LENGTH) {
    throw new FetchError(FetchErrorCode.UrlTooLong, `URL is ${raw.length} characters long (limit ${MAX_URL_LENGTH})`);
  }
  if (/[\u0000-\u001f\u007f]/.test(raw)) throw new FetchError(FetchErrorCode.InvalidUrl, 'URL contains control characters');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError(FetchErrorCode.InvalidUrl, `Not a valid URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(FetchErrorCode.UnsupportedScheme, `Only http and https URLs can be watched, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new FetchError(FetchErrorCode.CredentialsInUrl, 'URLs with credentials are refused');
  }
  if (!url.hostname) throw new FetchError(FetchErrorCode.InvalidUrl, `URL has no host: ${raw.slice(0, 200)}`);
  new AddressPolicy(options).checkLiteral(url);
  return url;
}

/**
 * Rejects URLs a crawler must not fetch. With private networks disallowed, the host's DNS answers are
 * checked too; the fetchers check again where they connect, since DNS can change in between.
 */
export async function validateTargetUrl(raw: string, options: TargetUrlOptions | AddressPolicy): Promise<URL> {
  const policy = options instanceof AddressPolicy ? options : new AddressPolicy(options);
  const url = checkTargetUrlSyntax(raw, { allowPrivateNetworks: true });
  await policy.check(url);
  return url;
}
