import { readFileSync } from 'node:fs';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({}, '/srv/cw');
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, dataDir: '/srv/cw/.data', recordIdPrefix: 'CW', chromiumPath: '/usr/bin/chromium' });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ RECORD_ID_PREFIX: 'cw-1' }, 'RECORD_ID_PREFIX'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN'],
    [{ ALLOW_PRIVATE_NETWORKS: 'maybe' }, 'ALLOW_PRIVATE_NETWORKS'],
    [{ ALLOWED_PRIVATE_HOSTS: 'http://intranet/' }, 'ALLOWED_PRIVATE_HOSTS'],
    [{ MAX_TEXT_CHARS: '2e6' }, 'MAX_TEXT_CHARS'],
    [{ MAX_TEXT_CHARS: '999' }, 'MAX_TEXT_CHARS'],
  ])('refuses %j and names %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message.startsWith(`${variable}: `)).toBe(true);
  });

  it('is safe by default: loopback bind, private networks refused', () => {
    expect(loadConfig({})).toMatchObject({ host: '127.0.0.1', allowPrivateNetworks: false, allowedPrivateHosts: [] });
    expect(loadConfig({ ALLOWED_PRIVATE_HOSTS: 'Intranet.example, 10.0.0.7:8080,[fd00::1]:443' }).allowedPrivateHosts).toEqual([
      'intranet.example',
      '10.0.0.7:8080',
      '[fd00::1]:443',
    ]);
  });

  it('bounds extracted text at 2,000,000 characters unless MAX_TEXT_CHARS says otherwise', () => {
    expect(loadConfig({}).maxTextChars).toBe(2_000_000);
    expect(loadConfig({ MAX_TEXT_CHARS: ' 500000 ' }).maxTextChars).toBe(500_000);
  });

  it('reads TRUST_PROXY as Fastify takes it: off by default, a hop count, or proxy addresses and ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.0/8, ::1 ,loopback,fd00::/8,192.0.2.7' }).trustProxy).toEqual(['10.0.0.0/8', '::1', 'loopback', 'fd00::/8', '192.0.2.7']);
    for (const bad of ['yes', '10.0.0.0/33', '::1/129', 'proxy.internal', '10.0.0.0/8/1', '99']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
    }
  });

  it('has every variable in .env.example', () => {
    const example = readFileSync(`${__dirname}/../../../.env.example`, 'utf8');
    for (const variable of CONFIG_VARIABLES) expect(example).toContain(`# ${variable.name}=`);
  });

  it('lists every variable it reads in CONFIG_VARIABLES', () => {
    const source = readFileSync(__filename.replace('.spec.ts', '.ts'), 'utf8');
    const read = new Set([...source.matchAll(/\(env, '([A-Z_]+)'/g)].map((m) => m[1]));
    expect([...read].sort()).toEqual(CONFIG_VARIABLES.map((v) => v.name).sort());
  });
});
