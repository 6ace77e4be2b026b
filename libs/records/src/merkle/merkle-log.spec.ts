import { MemoryLedgerStore } from '../ledger/memory-ledger.store';
import { MerkleLog } from '../ledger/merkle-log.service';
import { RecordsErrorCode } from '../records.error';
import { hashLeaf } from './merkle.hasher';
import { verifyConsistency, verifyInclusion } from './merkle-proof.verifier';
import { naiveConsistency, naivePath, naiveRoot } from './naive-merkle';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

async function logOf(leaves: readonly Uint8Array[]): Promise<{ log: MerkleLog; store: MemoryLedgerStore }> {
  const store = new MemoryLedgerStore();
  const log = new MerkleLog(store);
  for (const leaf of leaves) await log.append(leaf);
  return { log, store };
}

function leafData(i: number): Buffer {
  return Buffer.from(`leaf ${i} ${'x'.repeat(i % 7)}`);
}

// RFC 6962 test vectors as published by transparency-dev/merkle (proof/verify_test.go): eight
// leaves, the roots of every prefix, and known audit and consistency paths.
const RFC_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) =>
  Buffer.from(h, 'hex'),
);
const RFC_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const RFC_INCLUSION: [number, number, string[]][] = [
  [0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [1, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
  [0, 1, []],
];
const RFC_CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [6, 8, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
  [6, 7, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
];

describe('MerkleLog against the RFC 6962 test vectors', () => {
  it('gives the published root for every prefix of the eight-leaf log, and SHA-256("") for the empty log', async () => {
    const { log } = await logOf(RFC_LEAVES);
    const roots = await Promise.all(RFC_ROOTS.map((_, i) => log.root(i + 1)));
    expect(roots.map(hex)).toEqual(RFC_ROOTS);
    expect(hex(await log.root(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it.each(RFC_INCLUSION)('audit path of leaf %i in a tree of %i matches and verifies', async (index, size, expected) => {
    const { log } = await logOf(RFC_LEAVES);
    const proof = await log.inclusionProof(index, size);
    expect(proof.hashes.map(hex)).toEqual(expected);
    const rootHash = Buffer.from(RFC_ROOTS[size - 1], 'hex');
    expect(verifyInclusion({ leafIndex: index, treeSize: size, leafHash: hashLeaf(RFC_LEAVES[index]), proof: proof.hashes, rootHash })).toBe(true);
  });

  it.each(RFC_CONSISTENCY)('consistency proof from %i to %i matches and verifies', async (oldSize, newSize, expected) => {
    const { log } = await logOf(RFC_LEAVES);
    const proof = await log.consistencyProof(oldSize, newSize);
    expect(proof.hashes.map(hex)).toEqual(expected);
    const [oldRoot, newRoot] = [RFC_ROOTS[oldSize - 1], RFC_ROOTS[newSize - 1]].map((h) => Buffer.from(h, 'hex'));
    expect(verifyConsistency({ oldSize, newSize, oldRoot, newRoot, proof: proof.hashes })).toBe(true);
  });
});

describe('MerkleLog against a literal RFC 6962 recursion, sizes 1..64', () => {
  const leaves = Array.from({ length: 64 }, (_, i) => leafData(i));
  let log: MerkleLog;
  const naiveRoots = Array.from({ length: 65 }, (_, n) => naiveRoot(leaves.slice(0, n)));

  beforeAll(async () => {
    ({ log } = await logOf(leaves));
  });

  it('computes the same root for every size', async () => {
    for (let n = 0; n <= 64; n += 1) expect(hex(await log.root(n))).toBe(hex(naiveRoots[n]));
  });

  it('produces the RFC audit path for every (index, size), and it verifies only for that leaf', async () => {
    for (let n = 1; n <= 64; n += 1) {
      for (let m = 0; m < n; m += 1) {
        const proof = await log.inclusionProof(m, n);
        expect(proof.hashes.map(hex)).toEqual(naivePath(m, leaves.slice(0, n)).map(hex));
        const check = { leafIndex: m, treeSize: n, leafHash: hashLeaf(leaves[m]), proof: proof.hashes, rootHash: naiveRoots[n] };
        expect(verifyInclusion(check)).toBe(true);
        expect(verifyInclusion({ ...check, leafHash: hashLeaf(leaves[(m + 1) % 64]) })).toBe(false);
        if (n > 1) expect(verifyInclusion({ ...check, leafIndex: (m + 1) % n })).toBe(false);
      }
    }
  });

  it('produces the RFC consistency proof for every 0 <= m <= n, and it verifies only for those roots', async () => {
    for (let n = 0; n <= 64; n += 1) {
      for (let m = 0; m <= n; m += 1) {
        const proof = await log.consistencyProof(m, n);
        expect(proof.hashes.map(hex)).toEqual(naiveConsistency(m, leaves.slice(0, n)).map(hex));
        const check = { oldSize: m, newSize: n, oldRoot: naiveRoots[m], newRoot: naiveRoots[n], proof: proof.hashes };
        expect(verifyConsistency(check)).toBe(true);
        if (m > 0 && m < n) {
          expect(verifyConsistency({ ...check, oldRoot: naiveRoots[m - 1] })).toBe(false);
          expect(verifyConsistency({ ...check, newRoot: naiveRoots[n - 1] })).toBe(false);
        }
      }
    }
  });
});

describe('proof verification rejects tampering', () => {
  const leaves = Array.from({ length: 21 }, (_, i) => leafData(i));
  let log: MerkleLog;

  beforeAll(async () => {
    ({ log } = await logOf(leaves));
  });

  it('rejects an audit path with any single flipped bit, a dropped, extra or reordered hash, or a changed leaf byte', async () => {
    const rootHash = await log.root();
    for (const m of [0, 7, 13, 20]) {
      const { hashes } = await log.inclusionProof(m);
      const base = { leafIndex: m, treeSize: 21, leafHash: hashLeaf(leaves[m]), proof: hashes, rootHash };
      expect(verifyInclusion(base)).toBe(true);
      hashes.forEach((_, i) => {
        const flipped = hashes.map((h) => Buffer.from(h));
        flipped[i][31] ^= 1;
        expect(verifyInclusion({ ...base, proof: flipped })).toBe(false);
      });
      expect(verifyInclusion({ ...base, proof: hashes.slice(1) })).toBe(false);
      expect(verifyInclusion({ ...base, proof: [...hashes, rootHash] })).toBe(false);
      expect(verifyInclusion({ ...base, proof: [rootHash, ...hashes] })).toBe(false);
      expect(verifyInclusion({ ...base, proof: [...hashes].reverse() })).toBe(false);
      expect(verifyInclusion({ ...base, treeSize: 42 })).toBe(false);
      expect(verifyInclusion({ ...base, treeSize: 10 })).toBe(false);
      const changedLeaf = Buffer.from(leaves[m]);
      changedLeaf[0] ^= 1;
      expect(verifyInclusion({ ...base, leafHash: hashLeaf(changedLeaf) })).toBe(false);
      const changedRoot = Buffer.from(rootHash);
      changedRoot[0] ^= 0x80;
      expect(verifyInclusion({ ...base, rootHash: changedRoot })).toBe(false);
    }
  });

  it('rejects a consistency proof with any flipped bit, truncated, extended, or between swapped sizes', async () => {
    const newRoot = await log.root(21);
    for (const m of [3, 8, 13]) {
      const oldRoot = await log.root(m);
      const { hashes } = await log.consistencyProof(m, 21);
      const base = { oldSize: m, newSize: 21, oldRoot, newRoot, proof: hashes };
      expect(verifyConsistency(base)).toBe(true);
      hashes.forEach((_, i) => {
        const flipped = hashes.map((h) => Buffer.from(h));
        flipped[i][0] ^= 16;
        expect(verifyConsistency({ ...base, proof: flipped })).toBe(false);
      });
      expect(verifyConsistency({ ...base, proof: hashes.slice(0, -1) })).toBe(false);
      expect(verifyConsistency({ ...base, proof: [...hashes, newRoot] })).toBe(false);
      expect(verifyConsistency({ ...base, proof: [] })).toBe(false);
      expect(verifyConsistency({ ...base, oldRoot: newRoot, newRoot: oldRoot })).toBe(false);
      expect(verifyConsistency({ ...base, oldSize: 21, newSize: m })).toBe(false);
    }
  });

  it('detects a rewritten leaf: the rewritten log no longer extends the old signed root', async () => {
    const oldRoot = await log.root(21);
    const rewritten = leaves.map((l, i) => (i === 4 ? Buffer.concat([l, Buffer.from('!')]) : l));
    const { log: forked } = await logOf([...rewritten, leafData(99)]);
    const { hashes } = await forked.consistencyProof(21, 22);
    expect(verifyConsistency({ oldSize: 21, newSize: 22, oldRoot, newRoot: await forked.root(22), proof: hashes })).toBe(false);
  });
});

describe('MerkleLog storage costs', () => {
  it('appends with amortised O(1) writes and proves with one batch of O(log² n) reads', async () => {
    const n = 5000;
    const { log, store } = await logOf(Array.from({ length: n }, (_, i) => leafData(i)));
    // Each leaf writes itself plus the subtrees it completes: fewer than 2n nodes in total.
    expect(store.stats.nodeWrites).toBeLessThan(2 * n);
    const logN = Math.ceil(Math.log2(n));
    for (const index of [0, 1234, 4095, 4997]) {
      const before = { ...store.stats };
      await log.inclusionProof(index, n - 1);
      expect(store.stats.batches - before.batches).toBe(1);
      expect(store.stats.nodeReads - before.nodeReads).toBeLessThanOrEqual(logN * logN);
      expect(store.stats.leafReads - before.leafReads).toBe(0);
    }
  });

  it('refuses proofs beyond the log and appends that would fork it', async () => {
    const { log, store } = await logOf([leafData(0), leafData(1)]);
    await expect(log.inclusionProof(2, 2)).rejects.toMatchObject({ code: RecordsErrorCode.OutOfRange });
    await expect(log.root(3)).rejects.toMatchObject({ code: RecordsErrorCode.OutOfRange });
    await expect(log.consistencyProof(3, 2)).rejects.toMatchObject({ code: RecordsErrorCode.OutOfRange });
    await expect(store.append({ index: 1, leaf: leafData(9), nodes: [] })).rejects.toMatchObject({ code: RecordsErrorCode.LedgerConflict });
    expect(await log.size()).toBe(2);
  });
});
