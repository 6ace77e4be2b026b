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
    'http://[64:ff9b::a9fe:a9fe]/', // NAT64 of 169.254.169.254
    'http://[64:ff9b:1::a00:1]/', // local-use NAT64
    'http://[::127.0.0.1]/', // IPv4-compatible
    'http://[::ffff:0:7f00:1]/', // IPv4-translated (RFC 6145)
    'http://[2002:7f00:1::1]/', // 6to4 of 127.0.0.1
    'http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/', // Teredo
    'http://[fec0::1]/', // deprecated site-local
    'http://[100::1]/', // discard
    'http://[2001:db8::1]/', // documentation
    'http://198.18.0.1/', // benchmarking
    'http://192.0.0.8/',
    'http://255.255.255.255/',
    'http://224.0.0.1/',
    'http://app.localhost/',
  ])('refuses private address %s when private networks are not allowed', async (url) => {
    expect((await rejection(url, strict())).code).toBe(FetchErrorCode.PrivateAddress);
    await expect(validateTargetUrl(url, { allowPrivateNetworks: true })).resolves.toBeInstanceOf(URL);
  });

  it('refuses a public name that resolves to a private address', async () => {
    const err = await rejection('https://internal.example.com/', strict(['93.184.216.34', '10.0.0.8']));
    expect(err.code).toBe(FetchErrorCode.PrivateAddress);
    expect(err.message).toBe('blocked-private-address: internal.example.com resolves to a private or reserved address');
  });

  it('lets a single allowed private host through, by name or with its port, and nothing else', async () => {
    const options = { ...strict(['10.0.0.8']), allowedPrivateHosts: ['intranet.example', '127.0.0.1:8080'] };
    await expect(validateTargetUrl('https://intranet.example/tos', options)).resolves.toBeInstanceOf(URL);
    await expect(validateTargetUrl('http://127.0.0.1:8080/tos', options)).resolves.toBeInstanceOf(URL);
    expect((await rejection('http://127.0.0.1:8081/tos', options)).code).toBe(FetchErrorCode.PrivateAddress);
    expect((await rejection('https://other.example/tos', options)).code).toBe(FetchErrorCode.PrivateAddress);
  });

  it('refuses control characters in a URL', async () => {
    expect((await rejection('http://example.com/\u0000x', { allowPrivateNetworks: true })).code).toBe(FetchErrorCode.InvalidUrl);
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
    ['::ffff:808:808', true], // IPv4-mapped forms are refused whole, public or not
    ['64:ff9b::808:808', true],
    ['2001:4860:4860::8888', false],
    ['not-an-ip', false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});
