// `npm run bench -- ledger`: the ledger's cost per version and per proof at 1,000,000 leaves, on
// the in-memory store (the PostgreSQL store adds its round trips; measured once it exists).
// Targets (issue 5): append ≤ 1 ms per version; inclusion proof ≤ 5 ms at 1,000,000 leaves.
import { createHash } from 'node:crypto';
import {
  formatRecordId,
  generateLedgerKey,
  hashLeaf,
  MemoryLedgerStore,
  MerkleLog,
  signLogHead,
  verifyConsistency,
  verifyInclusion,
  versionLeaf,
} from '@clausewatch/records';

const LEAVES = 1_000_000;
const PROOFS = 10_000;
const SIGNED_APPENDS = 10_000;

function leafFor(i: number): Buffer {
  const digest = createHash('sha256').update(String(i)).digest('hex');
  return versionLeaf({
    recordId: formatRecordId('CW', 'V', i + 1),
    documentId: formatRecordId('CW', 'D', (i % 5000) + 1),
    capturedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000),
    rawSha256: digest,
    textSha256: createHash('sha256').update(digest).digest('hex'),
    sourceUrl: `https://platform-${i % 5000}.example/legal/terms`,
  });
}

function summary(label: string, samplesNs: number[]): string {
  const sorted = [...samplesNs].sort((a, b) => a - b);
  const ms = (ns: number): string => (ns / 1e6).toFixed(4);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return `${label}: n=${sorted.length} mean ${ms(mean)} ms, p50 ${ms(at(0.5))} ms, p99 ${ms(at(0.99))} ms, max ${ms(sorted[sorted.length - 1])} ms`;
}

function timed<T>(samples: number[], run: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  return run().then((value) => {
    samples.push(Number(process.hrtime.bigint() - start));
    return value;
  });
}

export async function run(): Promise<void> {
  const store = new MemoryLedgerStore();
  const log = new MerkleLog(store);
  const appendNs: number[] = [];
  const started = Date.now();
  for (let i = 0; i < LEAVES; i += 1) await timed(appendNs, () => log.append(leafFor(i)));
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`${summary(`append (build version leaf + append), 0 → ${LEAVES} leaves`, appendNs)}\n`);
  process.stdout.write(`  total ${seconds.toFixed(1)} s; node writes ${(store.stats.nodeWrites / LEAVES).toFixed(2)} per append; heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB\n`);

  const size = await log.size();
  const root = await log.root(size);
  const proofNs: number[] = [];
  const readsBefore = store.stats.nodeReads;
  let verified = 0;
  for (let i = 0; i < PROOFS; i += 1) {
    const index = Math.floor(Math.random() * size);
    const proof = await timed(proofNs, () => log.inclusionProof(index, size));
    const leaf = await log.getLeaf(index);
    if (leaf && verifyInclusion({ leafIndex: index, treeSize: size, leafHash: hashLeaf(leaf), proof: proof.hashes, rootHash: root })) verified += 1;
  }
  process.stdout.write(`${summary(`inclusion proof at ${size} leaves (random leaf)`, proofNs)}\n`);
  process.stdout.write(`  ${verified}/${PROOFS} verified; ${((store.stats.nodeReads - readsBefore) / PROOFS).toFixed(1)} stored hashes read per proof, one batch each\n`);

  const consistencyNs: number[] = [];
  let consistent = 0;
  for (let i = 0; i < 1000; i += 1) {
    const oldSize = 1 + Math.floor(Math.random() * (size - 1));
    const proof = await timed(consistencyNs, () => log.consistencyProof(oldSize, size));
    if (verifyConsistency({ oldSize, newSize: size, oldRoot: await log.root(oldSize), newRoot: root, proof: proof.hashes })) consistent += 1;
  }
  process.stdout.write(`${summary(`consistency proof to ${size} leaves (random old size)`, consistencyNs)}\n  ${consistent}/1000 verified\n`);

  const key = generateLedgerKey();
  const signedNs: number[] = [];
  for (let i = 0; i < SIGNED_APPENDS; i += 1) {
    await timed(signedNs, async () => {
      await log.append(leafFor(LEAVES + i));
      return signLogHead(log, key.privateKeyPem);
    });
  }
  process.stdout.write(`${summary(`append + signed tree head (root + Ed25519), from ${LEAVES} leaves`, signedNs)}\n`);
}
