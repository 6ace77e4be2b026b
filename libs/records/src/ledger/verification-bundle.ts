// What a citer hands to an outsider: the record, its leaf, the audit path and a signed tree head.
// verifyVersionBundle is the library twin of scripts/verify-record.mjs (which may import nothing
// from here); the spec runs both on the same bundles so they cannot drift apart.
import { KeyObject } from 'node:crypto';
import { DEFAULT_LEDGER_ORIGIN } from '../records.constants';
import { RecordsError, RecordsErrorCode } from '../records.error';
import { fromHex, hashLeaf, toHex } from '../merkle/merkle.hasher';
import { verifyInclusion } from '../merkle/merkle-proof.verifier';
import { MerkleLog } from './merkle-log.service';
import { SignedTreeHead, signTreeHead, verifyTreeHead } from './tree-head.signer';
import { versionLeaf } from './version-leaf';

/** The version record fields the leaf is built from; the API record may carry more. */
export interface LedgerVersionRecord {
  id: string;
  documentId: string;
  capturedAt: string;
  rawSha256: string;
  textSha256: string;
  sourceUrl: string;
}

export interface VerificationBundle<R extends LedgerVersionRecord = LedgerVersionRecord> {
  record: R;
  leaf: { index: number; data: string; hash: string };
  inclusionProof: { leafIndex: number; treeSize: number; hashes: string[] };
  treeHead: SignedTreeHead;
  /** SPKI PEM or base64 raw key. An outsider should compare it with the key the operator publishes. */
  publicKey: string;
}

export interface CheckResult {
  name: 'leaf' | 'inclusion' | 'signature';
  ok: boolean;
  detail: string;
}

export function versionLeafOf(record: LedgerVersionRecord): Buffer {
  const { id: recordId, documentId, capturedAt, rawSha256, textSha256, sourceUrl } = record;
  return versionLeaf({ recordId, documentId, capturedAt, rawSha256, textSha256, sourceUrl });
}

export interface SignHeadOptions {
  origin?: string;
  treeSize?: number;
  now?: Date;
}

/** Signs the log's current (or given) size; store the result, it is what bundles point to. */
export async function signLogHead(log: MerkleLog, privateKey: string | KeyObject, options: SignHeadOptions = {}): Promise<SignedTreeHead> {
  const treeSize = options.treeSize ?? (await log.size());
  const rootHash = toHex(await log.root(treeSize));
  const timestamp = (options.now ?? new Date()).toISOString();
  return signTreeHead({ origin: options.origin ?? DEFAULT_LEDGER_ORIGIN, treeSize, rootHash, timestamp }, privateKey);
}

export async function buildVerificationBundle<R extends LedgerVersionRecord>(input: {
  log: MerkleLog;
  record: R;
  leafIndex: number;
  treeHead: SignedTreeHead;
  publicKey: string;
}): Promise<VerificationBundle<R>> {
  const { log, record, leafIndex, treeHead, publicKey } = input;
  const stored = await log.getLeaf(leafIndex);
  const rebuilt = versionLeafOf(record);
  if (!stored || !stored.equals(rebuilt)) {
    throw new RecordsError(RecordsErrorCode.InvalidArgument, `ledger leaf ${leafIndex} is not the leaf of record ${record.id}`);
  }
  const proof = await log.inclusionProof(leafIndex, treeHead.treeSize);
  return {
    record,
    leaf: { index: leafIndex, data: stored.toString('utf8'), hash: toHex(hashLeaf(stored)) },
    inclusionProof: { leafIndex, treeSize: proof.treeSize, hashes: proof.hashes.map(toHex) },
    treeHead,
    publicKey,
  };
}

/**
 * Re-checks a bundle: the leaf is rebuilt from the record, it sits in the signed tree, and the
 * tree head is signed by `trustedKey` (defaults to the bundle's own key, which proves less).
 */
export function verifyVersionBundle(bundle: VerificationBundle, trustedKey?: string | KeyObject): { ok: boolean; checks: CheckResult[] } {
  const checks: CheckResult[] = [];
  // The leaf check ties the record to the leaf bytes; the inclusion check ties those bytes to the root.
  const leafBytes = typeof bundle.leaf.data === 'string' ? Buffer.from(bundle.leaf.data, 'utf8') : null;
  try {
    const same = leafBytes !== null && versionLeafOf(bundle.record).equals(leafBytes);
    checks.push({ name: 'leaf', ok: same, detail: same ? 'rebuilt from the record' : 'the record does not rebuild the leaf' });
  } catch (error) {
    checks.push({ name: 'leaf', ok: false, detail: (error as Error).message });
  }
  const { leafIndex, treeSize, hashes } = bundle.inclusionProof;
  const proof = Array.isArray(hashes) ? hashes.map((h) => (typeof h === 'string' && /^[0-9a-f]{64}$/.test(h) ? fromHex(h) : null)) : [null];
  const root = typeof bundle.treeHead.rootHash === 'string' ? fromHex(bundle.treeHead.rootHash) : null;
  const included =
    leafBytes !== null &&
    root !== null &&
    proof.every((h): h is Buffer => h !== null) &&
    leafIndex === bundle.leaf.index &&
    treeSize === bundle.treeHead.treeSize &&
    verifyInclusion({ leafIndex, treeSize, leafHash: hashLeaf(leafBytes), proof, rootHash: root });
  checks.push({ name: 'inclusion', ok: included, detail: included ? `leaf ${leafIndex} is in the tree of ${treeSize}` : 'the audit path does not lead to the signed root' });
  const signed = verifyTreeHead(bundle.treeHead, trustedKey ?? bundle.publicKey);
  checks.push({ name: 'signature', ok: signed, detail: signed ? 'tree head signed by the ledger key' : 'tree head signature does not verify' });
  return { ok: checks.every((c) => c.ok), checks };
}
