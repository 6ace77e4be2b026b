#!/usr/bin/env node
// Verifies a cited Clausewatch version record without trusting Clausewatch's servers or code:
// only Node's own crypto. See docs/verifying-a-record.md for what each check proves.
//
//   node verify-record.mjs <bundle.json> [--public-key <PEM file | base64 raw key>]
//                          [--text <text file>] [--raw <captured file>]...  (one --raw per page, in order)
//
// The bundle is { record, leaf, inclusionProof, treeHead, publicKey } as served by Clausewatch.
// Exit status: 0 verified, 1 a check failed, 2 the command line or the bundle is unusable.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const LEAF_SCHEMA = 'clausewatch.version-leaf/1';
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const HEX64 = /^[0-9a-f]{64}$/;

function usage(message) {
  process.stderr.write(`${message}\nusage: node verify-record.mjs <bundle.json> [--public-key <PEM file | base64>] [--text <file>] [--raw <file>]...\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { bundle: undefined, publicKey: undefined, text: undefined, raw: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const flag = { '--public-key': 'publicKey', '--text': 'text', '--raw': 'raw' }[arg];
    if (flag) {
      if (argv[i + 1] === undefined) usage(`${arg} needs a value`);
      // A combined document has several pages: --raw repeats, in reading order.
      if (flag === 'raw') options.raw.push(argv[(i += 1)]);
      else options[flag] = argv[(i += 1)];
    } else if (!arg.startsWith('--') && options.bundle === undefined) options.bundle = arg;
    else usage(`unexpected argument ${arg}`);
  }
  if (!options.bundle) usage('no bundle given');
  return options;
}

const sha256 = (...parts) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();
const hashLeaf = (leaf) => sha256(Buffer.from([0]), leaf);
const hashChildren = (left, right) => sha256(Buffer.from([1]), left, right);

/** The leaf exactly as the ledger stores it: sorted-key JSON of the record's fields (RFC 8785). */
function rebuildLeaf(record) {
  const fields = {
    capturedAt: record.capturedAt,
    documentId: record.documentId,
    rawSha256: record.rawSha256,
    recordId: record.id,
    schema: LEAF_SCHEMA,
    sourceUrl: record.sourceUrl,
    textSha256: record.textSha256,
  };
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'string' || value === '') throw new Error(`the record has no ${name === 'recordId' ? 'id' : name}`);
  }
  const sorted = Object.fromEntries(Object.keys(fields).sort().map((k) => [k, fields[k]]));
  return Buffer.from(JSON.stringify(sorted), 'utf8');
}

/** RFC 9162 §2.1.3.2, with arithmetic instead of bit operators so large sizes stay exact. */
function rootFromInclusionProof(leafIndex, treeSize, leafHash, proof) {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) return null;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

function loadPublicKey(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return createPublicKey(trimmed);
  const raw = Buffer.from(trimmed, 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== trimmed) throw new Error('expected an SPKI PEM or 32 bytes of base64');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** The signed bytes: a C2SP checkpoint body (origin, size, base64 root) plus a timestamp line. */
function treeHeadPayload(head) {
  if (typeof head.origin !== 'string' || head.origin === '' || /[\r\n]/.test(head.origin)) throw new Error('bad origin');
  if (!Number.isSafeInteger(head.treeSize) || head.treeSize < 0) throw new Error('bad treeSize');
  if (!HEX64.test(head.rootHash)) throw new Error('bad rootHash');
  if (typeof head.timestamp !== 'string' || new Date(head.timestamp).toISOString() !== head.timestamp) throw new Error('bad timestamp');
  const root = Buffer.from(head.rootHash, 'hex').toString('base64');
  return Buffer.from(`${head.origin}\n${head.treeSize}\n${root}\ntimestamp ${head.timestamp}\n`, 'utf8');
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  let bundle;
  try {
    bundle = JSON.parse(readFileSync(options.bundle, 'utf8'));
  } catch (error) {
    usage(`cannot read the bundle: ${error.message}`);
  }
  const { record, leaf, inclusionProof, treeHead } = bundle ?? {};
  if (!record || !leaf || !inclusionProof || !treeHead) usage('the bundle needs record, leaf, inclusionProof and treeHead');

  const results = [];
  const check = (name, run) => {
    try {
      const detail = run();
      results.push({ name, ok: true, detail });
    } catch (error) {
      results.push({ name, ok: false, detail: error.message });
    }
  };

  // The leaf check ties the record to the leaf bytes; the inclusion check ties those bytes to the root.
  const leafBytes = typeof leaf.data === 'string' ? Buffer.from(leaf.data, 'utf8') : null;
  check('leaf', () => {
    if (!leafBytes || !rebuildLeaf(record).equals(leafBytes)) throw new Error('the record does not rebuild the ledger leaf byte for byte');
    return `record ${record.id} rebuilds leaf ${leaf.index} (leaf hash ${hashLeaf(leafBytes).toString('hex')})`;
  });

  if (options.text !== undefined) {
    check('text', () => {
      const actual = sha256(readFileSync(options.text)).toString('hex');
      if (actual !== record.textSha256) throw new Error(`SHA-256 of ${options.text} is ${actual}, the record says ${record.textSha256}`);
      return `${options.text} has the record's textSha256`;
    });
  }
  if (options.raw.length > 0) {
    check('raw', () => {
      // One page: its own SHA-256. Several: the SHA-256 of the pages' hex SHA-256s joined by line feeds.
      const pages = options.raw.map((file) => sha256(readFileSync(file)).toString('hex'));
      const actual = pages.length === 1 ? pages[0] : sha256(Buffer.from(pages.join('\n'), 'utf8')).toString('hex');
      const files = options.raw.join(' + ');
      if (actual !== record.rawSha256) throw new Error(`SHA-256 of ${files} is ${actual}, the record says ${record.rawSha256}`);
      return `${files} ${pages.length === 1 ? 'has' : 'give'} the record's rawSha256`;
    });
  }

  check('inclusion', () => {
    if (!leafBytes) throw new Error('the bundle has no leaf data');
    const { leafIndex, treeSize, hashes } = inclusionProof;
    if (leafIndex !== leaf.index) throw new Error(`the proof is for leaf ${leafIndex}, the bundle's leaf is ${leaf.index}`);
    if (treeSize !== treeHead.treeSize) throw new Error(`the proof is for a tree of ${treeSize}, the tree head has ${treeHead.treeSize}`);
    if (!Array.isArray(hashes) || !hashes.every((h) => HEX64.test(h))) throw new Error('the audit path must be lowercase hex SHA-256 hashes');
    const root = rootFromInclusionProof(leafIndex, treeSize, hashLeaf(leafBytes), hashes.map((h) => Buffer.from(h, 'hex')));
    if (!root || !HEX64.test(treeHead.rootHash) || !root.equals(Buffer.from(treeHead.rootHash, 'hex'))) {
      throw new Error('the audit path does not lead to the signed root');
    }
    return `leaf ${leafIndex} is in the ledger of ${treeSize} leaves with root ${treeHead.rootHash}`;
  });

  check('signature', () => {
    // Only a key named on the command line may be a file; the bundle's own key is just text.
    const keyText = options.publicKey === undefined ? bundle.publicKey : existsSync(options.publicKey) ? readFileSync(options.publicKey, 'utf8') : options.publicKey;
    if (typeof keyText !== 'string') throw new Error('no public key');
    const key = loadPublicKey(keyText);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the key is ${key.asymmetricKeyType}, not Ed25519`);
    if (typeof treeHead.signature !== 'string') throw new Error('the tree head is not signed');
    if (!verify(null, treeHeadPayload(treeHead), key, Buffer.from(treeHead.signature, 'base64'))) {
      throw new Error('the tree head signature does not verify');
    }
    const raw = key.export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length);
    const keyId = sha256(raw).toString('hex');
    const origin = options.publicKey === undefined ? 'the key inside the bundle — compare its ID with the one Clausewatch publishes' : 'the key you supplied';
    return `tree head of ${treeHead.timestamp} signed by ${origin} (key ID ${keyId})`;
  });

  for (const { name, ok, detail } of results) process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(9)} ${detail}\n`);
  const verified = results.every((r) => r.ok);
  process.stdout.write(verified ? `VERIFIED ${record.id}\n` : `NOT VERIFIED ${record.id}\n`);
  process.exitCode = verified ? 0 : 1;
}

main();
