// Public surface of @clausewatch/records: record IDs, the verifiable ledger and citations.
export * from './records.constants';
export * from './records.error';
export * from './record-id/record-id';
export { hashLeaf, hashChildren, emptyRoot, toHex, fromHex } from './merkle/merkle.hasher';
export type { NodeCoord, LeafRange } from './merkle/merkle-range';
export { rangeNodes, inclusionRanges, consistencyRanges } from './merkle/merkle-range';
export type { InclusionCheck, ConsistencyCheck } from './merkle/merkle-proof.verifier';
export { rootFromInclusionProof, verifyInclusion, verifyConsistency } from './merkle/merkle-proof.verifier';
export * from './ledger/ledger.store';
export * from './ledger/memory-ledger.store';
export * from './ledger/merkle-log.service';
export * from './ledger/version-leaf';
export * from './ledger/tree-head.signer';
export * from './ledger/verification-bundle';
export * from './citation/citation-view';
export { formatCitation, escapeBibtex, risValue } from './citation/citation.formatter';
export * from './ledger/version-raw-hash';
