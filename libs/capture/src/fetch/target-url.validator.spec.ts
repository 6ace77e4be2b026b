import { FetchError, FetchErrorCode } from './fetch.error';
import { isPrivateAddress, validateTargetUrl } from './target-url.validator';

const strict = (resolved: string[] = ['93.184.216.34']) => ({ allowPrivateNetworks: false, resolve: async () => resolved });

async function rejection(url: string, options: Parameters<typeof validateTargetUrl>[1]): Promise<FetchError> {
  try {
    await validateTargetUrl(url, options);
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error(`${url} was accepted`);
}

describe('validateTargetUrl', () => {
  it('accepts public http and https URLs', async () => {
    await expect(validateTargetUrl('https://docs.midjourney.com/hc/en-us/articles/privacy', strict())).resolves.toBeInstanceOf(URL);
    await expect(validateTargetUrl('http://example.com/tos', strict())).resolves.toBeInstanceOf(URL);
  });

  it.each([
    ['file:///etc/passwd', FetchErrorCode.UnsupportedScheme],
    ['javascript:alert(1)', FetchErrorCode.UnsupportedScheme],
    ['ftp://example.com/tos.txt', FetchErrorCode.UnsupportedScheme],
    ['https://user:secret@example.com/tos', FetchErrorCode.CredentialsInUrl],
    [`https://example.com/${'a'.repeat(3000)}`, FetchErrorCode.UrlTooLong],
    ['not a url', FetchErrorCode.InvalidUrl],
  ])('rejects %s', async (url, code) => {
    expect((await rejection(url, { allowPrivateNetworks: true })).code).toBe(code);
  });

  it.each([
    'http://127.0.0.1:3000/',
    'http://localhost/',
    'http://10.1.2.3/',
    'http://172.20.0.5/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/',
    'http://[fd00::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://2130706433/', // 127.0.0.1 written as one number
    'http://0x7f.1/',
  ])('refuses private address %s when private networks are not allowed', async (url) => {
    expect((await rejection(url, strict())).code).toBe(FetchErrorCode.PrivateAddress);
    await expect(validateTargetUrl(url, { allowPrivateNetworks: true })).resolves.toBeInstanceOf(URL);
  });

  it('refuses a public name that resolves to a private address', async () => {
    const err = await rejection('https://internal.example.com/', strict(['93.184.216.34', '10.0.0.8']));
    expect(err.code).toBe(FetchErrorCode.PrivateAddress);
    expect(err.message).toContain('10.0.0.8');
  });
});

describe('isPrivateAddress', () => {
  it.each([
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['2606:4700::1111', false],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['fe80::1', true],
    ['::ffff:10.0.0.1', true],
    ['::ffff:808:808', false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});
