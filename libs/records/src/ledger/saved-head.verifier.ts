// `verify --since <tree-head>`: proves that today's log extends a tree head someone saved earlier
// (from the API, a citation bundle or DATA_DIR/ledger/tree-heads.log). Whoever rewrites the
// database can rebuild the tree and, with a key of their own, re-sign every head; what they cannot do
// is make the rewritten log consistent with a root that was saved before the rewrite (RFC 6962 §2.1.2).
import { KeyObject } from 'node:crypto';
import { emptyRoot, fromHex, toHex } from '../merkle/merkle.hasher';
import { verifyConsistency } from '../merkle/merkle-proof.verifier';
import { RecordsError, RecordsErrorCode } from '../records.error';
import { MerkleLog } from './merkle-log.service';
import { SignedTreeHead, TreeHead, verifyTreeHead } from './tree-head.signer';

/** A saved head: at least its size and root; signed heads are checked against the ledger's keys too. */
export type SavedTreeHead = Pick<TreeHead, 'treeSize' | 'rootHash'> & Partial<Omit<SignedTreeHead, 'treeSize' | 'rootHash'>>;

export interface SinceReport {
  ok: boolean;
  saved: SavedTreeHead;
  current: SignedTreeHead;
  /** Consistency proof from the saved size to the current one, hex. */
  proof: string[];
  problems: string[];
}

/**
 * Parses a saved tree head: its JSON (as the API, bundles and tree-heads.log write it) or `<size>:<root hex>`.
 * Throws RecordsError(InvalidTreeHead).
 */
export function parseSavedTreeHead(text: string): SavedTreeHead {
  const trimmed = text.trim();
  const short = /^(\d{1,15}):([0-9a-fA-F]{64})$/.exec(trimmed);
  if (short) return { treeSize: Number(short[1]), rootHash: short[2].toLowerCase() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    throw new RecordsError(RecordsErrorCode.InvalidTreeHead, 'a saved tree head is its JSON or "<tree size>:<root hash hex>"');
  }
  const head = (parsed && typeof parsed === 'object' && 'treeHead' in parsed ? (parsed as { treeHead: unknown }).treeHead : parsed) as Record<string, unknown>;
  if (!head || typeof head !== 'object' || !Number.isSafeInteger(head.treeSize) || (head.treeSize as number) < 0 || typeof head.rootHash !== 'string' || !/^[0-9a-f]{64}$/.test(head.rootHash)) {
    throw new RecordsError(RecordsErrorCode.InvalidTreeHead, 'a saved tree head needs treeSize (a non-negative integer) and rootHash (64 lowercase hex digits)');
  }
  return head as unknown as SavedTreeHead;
}

/** Checks that `log` (whose newest signed head is `current`) extends `saved`; `keys` are the ledger's public keys by ID. */
export async function verifySince(log: MerkleLog, saved: SavedTreeHead, current: SignedTreeHead, keys: ReadonlyMap<string, KeyObject>): Promise<SinceReport> {
  const problems: string[] = [];
  let proof: Buffer[] = [];
  if (saved.signature !== undefined && saved.keyId !== undefined && saved.origin !== undefined && saved.timestamp !== undefined) {
    const key = keys.get(saved.keyId);
    if (!key) problems.push(`the saved head is signed by key ${saved.keyId}, which this ledger does not know`);
    else if (!verifyTreeHead(saved as SignedTreeHead, key)) problems.push('the saved head\'s signature does not verify: it is not a head this ledger signed');
  }
  const currentKey = keys.get(current.keyId);
  if (!currentKey || !verifyTreeHead(current, currentKey)) problems.push(`the current head (size ${current.treeSize}) does not verify with its key ${current.keyId}`);
  const storedRoot = toHex(await log.root(current.treeSize));
  if (storedRoot !== current.rootHash) problems.push(`the stored tree's root at size ${current.treeSize} (${storedRoot}) is not the current head's root`);
  if (saved.treeSize > current.treeSize) {
    problems.push(`the saved head has ${saved.treeSize} entries but the log now has ${current.treeSize}: entries were removed`);
  } else if (saved.treeSize === current.treeSize) {
    if (saved.rootHash !== current.rootHash) problems.push(`the log has the saved head's size (${saved.treeSize}) but a different root: entries were rewritten`);
  } else if (saved.treeSize === 0) {
    if (saved.rootHash !== toHex(emptyRoot())) problems.push('the saved head of size 0 does not have the empty tree\'s root');
  } else {
    proof = (await log.consistencyProof(saved.treeSize, current.treeSize)).hashes;
    const consistent = verifyConsistency({
      oldSize: saved.treeSize,
      newSize: current.treeSize,
      oldRoot: fromHex(saved.rootHash)!,
      newRoot: fromHex(current.rootHash)!,
      proof,
    });
    if (!consistent) problems.push(`the log of ${current.treeSize} entries does not extend the saved head of ${saved.treeSize}: entries before ${saved.treeSize} were rewritten`);
  }
  return { ok: problems.length === 0, saved, current, proof: proof.map(toHex), problems };
}
