import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fromHex } from '../merkle/merkle.hasher';
import { verifyConsistency } from '../merkle/merkle-proof.verifier';
import { formatRecordId } from '../record-id/record-id';
import { MemoryLedgerStore } from './memory-ledger.store';
import { MerkleLog } from './merkle-log.service';
import { generateLedgerKey } from './tree-head.signer';
import { buildVerificationBundle, LedgerVersionRecord, signLogHead, VerificationBundle, verifyVersionBundle, versionLeafOf } from './verification-bundle';

const ROOT = resolve(__dirname, '../../../..');
const SCRIPT = join(ROOT, 'scripts/verify-record.mjs');
const CORPUS = join(ROOT, 'libs/testing/fixtures/corpus/sites/midjourney/terms-of-service');
const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

interface Version {
  record: LedgerVersionRecord & { title: string };
  raw: Buffer;
  text: string;
}

// Real Midjourney terms pages as the captured bytes; the "text" stands in for their extraction.
const versions: Version[] = readdirSync(CORPUS)
  .sort()
  .map((file, i) => {
    const raw = readFileSync(join(CORPUS, file));
    const text = `# Terms of Service\n\nversion captured ${file.slice(0, 10)}\n`;
    return {
      raw,
      text,
      record: {
        id: formatRecordId('CW', 'V', 1200 + i),
        documentId: 'CW-D-00094',
        title: 'Terms of Service',
        capturedAt: new Date(`${file.slice(0, 10)}T06:30:00Z`).toISOString(),
        rawSha256: sha256(raw),
        textSha256: sha256(text),
        sourceUrl: 'https://docs.midjourney.com/hc/en-us/articles/32083055291277-Terms-of-Service',
      },
    };
  });

function runScript(bundle: unknown, ...args: string[]): { status: number | null; stdout: string } {
  const file = join(workDir, `bundle-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof bundle === 'string' ? bundle : JSON.stringify(bundle, null, 2));
  const result = spawnSync(process.execPath, [SCRIPT, file, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout + result.stderr };
}

const clone = (b: VerificationBundle): VerificationBundle => JSON.parse(JSON.stringify(b)) as VerificationBundle;

function flipHexDigit(hex: string, at = 10): string {
  return hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);
}

let workDir: string;
const key = generateLedgerKey();
const log = new MerkleLog(new MemoryLedgerStore());
const leafIndexOf = new Map<string, number>();

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'verify-record-'));
  for (const [i, v] of versions.entries()) {
    // Other documents' versions interleave with this one's, as in the real ledger.
    await log.append(Buffer.from(`another document's leaf ${i}`));
    leafIndexOf.set(v.record.id, (await log.append(versionLeafOf(v.record))).index);
  }
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('verifying a cited version, inside and outside the project', () => {
  it('accepts a bundle the library produced, with the PEM or the raw key, and the cited text and capture', async () => {
    const treeHead = await signLogHead(log, key.privateKeyPem, { now: new Date('2026-03-01T00:00:00Z') });
    for (const v of versions) {
      const bundle = await buildVerificationBundle({ log, record: v.record, leafIndex: leafIndexOf.get(v.record.id)!, treeHead, publicKey: key.publicKeyBase64 });
      expect(verifyVersionBundle(bundle).ok).toBe(true);
      const textFile = join(workDir, 'text.md');
      const rawFile = join(workDir, 'raw.html');
      writeFileSync(textFile, v.text);
      writeFileSync(rawFile, v.raw);
      const result = runScript(bundle, '--text', textFile, '--raw', rawFile);
      expect(result.stdout).toContain(`VERIFIED ${v.record.id}`);
      expect(result.status).toBe(0);
    }
    const pemFile = join(workDir, 'ledger.pub.pem');
    writeFileSync(pemFile, key.publicKeyPem);
    const bundle = await buildVerificationBundle({ log, record: versions[2].record, leafIndex: leafIndexOf.get(versions[2].record.id)!, treeHead, publicKey: key.publicKeyPem });
    expect(runScript(bundle, '--public-key', pemFile).status).toBe(0);
    expect(runScript(bundle, '--public-key', key.publicKeyBase64).status).toBe(0);
  });

  it('rejects a changed byte anywhere a forger could change one', async () => {
    const treeHead = await signLogHead(log, key.privateKeyPem);
    const v = versions[3];
    const good = await buildVerificationBundle({ log, record: v.record, leafIndex: leafIndexOf.get(v.record.id)!, treeHead, publicKey: key.publicKeyPem });
    const tamperings: [string, (b: VerificationBundle) => void][] = [
      ['record text hash', (b) => (b.record.textSha256 = flipHexDigit(b.record.textSha256))],
      ['record capture time', (b) => (b.record.capturedAt = b.record.capturedAt.replace('06:30', '06:31'))],
      ['record source URL', (b) => (b.record.sourceUrl += '?v=2')],
      ['record and leaf rewritten together', (b) => {
        b.record.textSha256 = flipHexDigit(b.record.textSha256);
        b.leaf.data = versionLeafOf(b.record).toString('utf8');
      }],
      ['one proof hash', (b) => (b.inclusionProof.hashes[1] = flipHexDigit(b.inclusionProof.hashes[1], 63))],
      ['proof leaf index', (b) => {
        b.inclusionProof.leafIndex += 1;
        b.leaf.index += 1;
      }],
      ['tree head root', (b) => (b.treeHead.rootHash = flipHexDigit(b.treeHead.rootHash))],
      ['tree head size', (b) => (b.treeHead.treeSize += 1)],
      ['tree head time', (b) => (b.treeHead.timestamp = '2020-01-01T00:00:00.000Z')],
      ['signature', (b) => {
        const sig = Buffer.from(b.treeHead.signature, 'base64');
        sig[5] ^= 1;
        b.treeHead.signature = sig.toString('base64');
      }],
    ];
    for (const [what, tamper] of tamperings) {
      const bundle = clone(good);
      tamper(bundle);
      const result = runScript(bundle);
      expect({ what, status: result.status, verified: result.stdout.includes('VERIFIED CW') && !result.stdout.includes('NOT VERIFIED') }).toEqual({ what, status: 1, verified: false });
      expect({ what, ok: verifyVersionBundle(bundle).ok }).toEqual({ what, ok: false });
    }
  });

  it('rejects a re-signed forgery unless the verifier trusts the forger’s key', async () => {
    const forger = generateLedgerKey();
    const treeHead = await signLogHead(log, forger.privateKeyPem);
    const v = versions[0];
    const bundle = await buildVerificationBundle({ log, record: v.record, leafIndex: leafIndexOf.get(v.record.id)!, treeHead, publicKey: forger.publicKeyPem });
    // With only the bundle, the forgery is self-consistent — which is why the doc says to bring the published key.
    expect(runScript(bundle).status).toBe(0);
    expect(runScript(bundle, '--public-key', key.publicKeyBase64).status).toBe(1);
    expect(verifyVersionBundle(bundle, key.publicKeyPem).ok).toBe(false);
  });

  it('rejects a capture or text file that is not the cited one', async () => {
    const treeHead = await signLogHead(log, key.privateKeyPem);
    const v = versions[1];
    const bundle = await buildVerificationBundle({ log, record: v.record, leafIndex: leafIndexOf.get(v.record.id)!, treeHead, publicKey: key.publicKeyPem });
    const rawFile = join(workDir, 'other.html');
    writeFileSync(rawFile, versions[2].raw);
    const textFile = join(workDir, 'edited.md');
    writeFileSync(textFile, `${v.text} `);
    expect(runScript(bundle, '--raw', rawFile).status).toBe(1);
    expect(runScript(bundle, '--text', textFile).status).toBe(1);
  });

  it('answers 2 for an unusable command line or bundle', () => {
    expect(runScript('{ not json').status).toBe(2);
    expect(runScript({ record: {} }).status).toBe(2);
    expect(spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' }).status).toBe(2);
  });

  it('keeps old citations valid as the log grows, and proves the new head extends the old', async () => {
    const oldHead = await signLogHead(log, key.privateKeyPem);
    const v = versions[4];
    const oldBundle = await buildVerificationBundle({ log, record: v.record, leafIndex: leafIndexOf.get(v.record.id)!, treeHead: oldHead, publicKey: key.publicKeyPem });
    for (let i = 0; i < 37; i += 1) await log.append(Buffer.from(`later leaf ${i}`));
    const newHead = await signLogHead(log, key.privateKeyPem);
    const newBundle = await buildVerificationBundle({ log, record: v.record, leafIndex: leafIndexOf.get(v.record.id)!, treeHead: newHead, publicKey: key.publicKeyPem });
    expect(runScript(oldBundle).status).toBe(0);
    expect(runScript(newBundle).status).toBe(0);
    const { hashes } = await log.consistencyProof(oldHead.treeSize, newHead.treeSize);
    expect(
      verifyConsistency({ oldSize: oldHead.treeSize, newSize: newHead.treeSize, oldRoot: fromHex(oldHead.rootHash)!, newRoot: fromHex(newHead.rootHash)!, proof: hashes }),
    ).toBe(true);
  });

  it('refuses to build a bundle whose record is not the leaf at that index', async () => {
    const treeHead = await signLogHead(log, key.privateKeyPem);
    await expect(
      buildVerificationBundle({ log, record: versions[0].record, leafIndex: leafIndexOf.get(versions[1].record.id)!, treeHead, publicKey: key.publicKeyPem }),
    ).rejects.toThrow(/is not the leaf of record/);
  });
});
