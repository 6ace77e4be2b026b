import { CONFIG_VARIABLES, loadConfig } from '@clausewatch/config';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

// Every deployment file parses, and every environment variable it sets for a Clausewatch container is
// one the configuration knows (a misspelt variable would be silently ignored in production).

const ROOT = join(__dirname, '..');
const INFRA = join(ROOT, 'infra');
/** Set by the image for Node itself or the C library's allocator, not read by Clausewatch. */
const RUNTIME_VARIABLES = new Set(['NODE_ENV', 'MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_']);
const KNOWN = new Set([...CONFIG_VARIABLES.map((v) => v.name), ...RUNTIME_VARIABLES]);

type Json = Record<string, unknown>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function yamlDocuments(path: string): Json[] {
  const documents = parseAllDocuments(readFileSync(path, 'utf8'), { merge: true });
  for (const doc of documents) {
    if (doc.errors.length > 0) throw new Error(`${relative(ROOT, path)}: ${doc.errors.map((e) => e.message).join('; ')}`);
  }
  return documents.map((doc) => doc.toJSON() as Json).filter((doc) => doc !== null);
}

const isOurs = (image: unknown) => typeof image === 'string' && image.startsWith('clausewatch');

function envNames(environment: unknown): string[] {
  if (Array.isArray(environment)) return environment.map((entry) => String(entry).split('=')[0]);
  return environment && typeof environment === 'object' ? Object.keys(environment) : [];
}

/** Variables a file sets for Clausewatch containers, with where. */
function variablesSetIn(path: string): Array<{ name: string; where: string }> {
  const file = relative(ROOT, path);
  if (path.endsWith('Dockerfile')) {
    // ENV lines of the runtime stage, with their continuation lines.
    const runtime = readFileSync(path, 'utf8').split(/^FROM /m).pop()!;
    const joined = runtime.replace(/\\\n/g, ' ');
    return [...joined.matchAll(/^ENV\s+(.+)$/gm)].flatMap((m) => [...m[1].matchAll(/([A-Z_][A-Z0-9_]*)=/g)].map((v) => ({ name: v[1], where: file })));
  }
  if (!/\.ya?ml$/.test(path)) return [];
  return yamlDocuments(path).flatMap((doc) => {
    if (doc.services) {
      return Object.entries(doc.services as Record<string, Json>)
        .filter(([, service]) => isOurs(service.image))
        .flatMap(([name, service]) => envNames(service.environment).map((v) => ({ name: v, where: `${file} service ${name}` })));
    }
    if (doc.kind === 'ConfigMap') return Object.keys((doc.data as Json) ?? {}).map((v) => ({ name: v, where: `${file} ConfigMap` }));
    if (doc.kind === 'Secret') return Object.keys({ ...((doc.stringData as Json) ?? {}), ...((doc.data as Json) ?? {}) }).map((v) => ({ name: v, where: `${file} Secret` }));
    const pod = ((doc.spec as Json)?.template as Json)?.spec as Json | undefined;
    const containers = (pod?.containers as Json[] | undefined) ?? [];
    return containers
      .filter((c) => isOurs(c.image))
      .flatMap((c) => ((c.env as Array<{ name: string }>) ?? []).map((e) => ({ name: e.name, where: `${file} ${doc.kind} container ${c.name}` })));
  });
}

describe('infra/', () => {
  const all = files(INFRA);

  it('has the image, compose file, Kubernetes manifests and README', () => {
    const names = all.map((f) => relative(INFRA, f)).sort();
    expect(names).toEqual(expect.arrayContaining(['Dockerfile', 'compose.yaml', 'README.md', 'k8s/api.yaml', 'k8s/crawler.yaml', 'k8s/migrate-job.yaml', 'k8s/secret.yaml']));
  });

  it('parses every YAML file', () => {
    for (const path of all.filter((f) => /\.ya?ml$/.test(f))) expect(yamlDocuments(path).length).toBeGreaterThan(0);
  });

  it('sets only environment variables the configuration knows', () => {
    const set = all.flatMap(variablesSetIn);
    expect(set.length).toBeGreaterThan(10);
    expect(set.filter((v) => !KNOWN.has(v.name))).toEqual([]);
  });

  it('believes X-Forwarded-For only from the one proxy in front of the APIs (TRUST_PROXY, a value the configuration accepts)', () => {
    const [compose] = yamlDocuments(join(INFRA, 'compose.yaml'));
    const apis = Object.entries(compose.services as Record<string, Json>).filter(([name]) => name.startsWith('api-'));
    const values = apis.map(([, service]) => String((service.environment as Json).TRUST_PROXY));
    const [api] = yamlDocuments(join(INFRA, 'k8s/api.yaml')).filter((d) => d.kind === 'Deployment');
    const containers = (((api.spec as Json).template as Json).spec as Json).containers as Array<{ env: Array<{ name: string; value: string }> }>;
    values.push(containers[0].env.find((e) => e.name === 'TRUST_PROXY')?.value ?? 'unset');
    expect(values).toEqual(['1', '1', '1']);
    for (const value of values) expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toBe(1);
    // The crawler has no HTTP server: nothing there sets it.
    const crawlerEnv = envNames((compose.services as Record<string, Json>).crawler.environment);
    expect(crawlerEnv).not.toContain('TRUST_PROXY');
  });

  it('keeps the safe defaults and runs as a non-root user with Debian Chromium', () => {
    const dockerfile = readFileSync(join(INFRA, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/apt-get install[^\n]*chromium/);
    expect(dockerfile).not.toMatch(/playwright install/);
    const privateNetworks = all.flatMap((path) => (/\.ya?ml$|Dockerfile$/.test(path) ? [...readFileSync(path, 'utf8').matchAll(/ALLOW_PRIVATE_NETWORKS\W+"?(\w+)/g)].map((m) => m[1]) : []));
    expect(privateNetworks.length).toBeGreaterThan(0);
    expect(new Set(privateNetworks)).toEqual(new Set(['false']));
  });

  it('runs the migration as a one-shot step with a script that exists, and probes readiness on /api/v1/health', () => {
    const [compose] = yamlDocuments(join(INFRA, 'compose.yaml'));
    const services = compose.services as Record<string, Json>;
    expect(services.migrate.command).toEqual(['node', 'dist/scripts/migrate.js']);
    expect(existsSync(join(ROOT, 'scripts/migrate.ts'))).toBe(true);
    expect(Object.keys(services).filter((s) => s.startsWith('api-'))).toHaveLength(2);
    expect(((services.postgres.image as string) ?? '').startsWith('postgres:17')).toBe(true);
    const [api] = yamlDocuments(join(INFRA, 'k8s/api.yaml')).filter((d) => d.kind === 'Deployment');
    const container = (((api.spec as Json).template as Json).spec as Json).containers as Json[];
    expect((container[0].readinessProbe as Json).httpGet).toMatchObject({ path: '/api/v1/health' });
    const [job] = yamlDocuments(join(INFRA, 'k8s/migrate-job.yaml'));
    expect(job.kind).toBe('Job');
  });
});
