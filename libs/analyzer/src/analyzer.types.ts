export type Severity = 'none' | 'low' | 'medium' | 'high' | 'critical';
export type ChangeKind = 'none' | 'cosmetic' | 'structure' | 'substantive';
export type Stance = 'favorable' | 'neutral' | 'unfavorable';
export type Direction = 'worse' | 'better' | 'neutral';

export type ProvisionKind = 'heading' | 'paragraph' | 'list-item' | 'table';

export interface Provision {
  index: number;
  headingPath: string[];
  kind: ProvisionKind;
  text: string;
  /** First 16 hex digits of the SHA-256 of the provision's text, whitespace collapsed. */
  fingerprint: string;
}

export type AlignmentOp = 'identical' | 'reworded' | 'moved' | 'split' | 'merged' | 'added' | 'removed';

/** `before` and `after` hold provision indexes. */
export interface Alignment {
  op: AlignmentOp;
  before: number[];
  after: number[];
  similarity: number;
}

export interface DiffSegment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface ClauseChange {
  op: Exclude<AlignmentOp, 'identical'>;
  /** What the change did to the text: the per-clause change kind. */
  kind: Exclude<ChangeKind, 'none'>;
  clauseTypes: string[];
  severity: Severity;
  direction: Direction;
  before: string | null;
  after: string | null;
  headingPath: string[];
  beforeIndexes: number[];
  afterIndexes: number[];
  diff?: DiffSegment[];
  reasons: string[];
  /** The clause type whose change set this clause's severity (the first of clauseTypes when present). */
  scoredType?: string;
  /** The words that decided it (the scoring type's first evidence), which the summary quotes in their sentence. */
  decisive?: string;
}

/** What a reader can do about one clause type the change touched, and the rules it engages (taxonomy.md). */
export interface ChangeGuidance {
  type: string;
  label: string;
  severity: Severity;
  direction: Direction;
  actions: string[];
  regulations: string[];
}

export interface ChangeAnalysis {
  kind: ChangeKind;
  severity: Severity;
  summary: string;
  reasons: string[];
  clauses: ClauseChange[];
  /** Per clause type that scored, most severe first: what the user can do and the regulations engaged. */
  guidance?: ChangeGuidance[];
}

export interface EvidenceSpan {
  start: number;
  end: number;
  text: string;
  /** The matched words sit in a negated scope ("we do not sell ..."). */
  negated?: boolean;
  /** The user is the one acting ("you may close your account"), which changes what the cue means for them. */
  userActor?: boolean;
  /** The user is the subject without being given a choice ("until you delete your account"): neither a right nor a power over them. */
  userSubject?: boolean;
  /** The rule that matched, so a reader can see why. */
  rule?: string;
}

export interface ClauseTypeMatch {
  id: string;
  confidence: number;
  evidence: EvidenceSpan[];
}

export interface Classification {
  clauseTypes: ClauseTypeMatch[];
  stance: Stance;
  confidence: number;
  /** Signed stance score: below zero leans unfavorable to the user, above zero favorable. */
  stanceScore?: number;
  stanceEvidence?: EvidenceSpan[];
}

export interface ClauseTypeInfo {
  id: string;
  label: string;
  description: string;
  regulations: string[];
  actions: string[];
  /** Severity level (1 low … 4 critical) of a change that makes this clause worse for the user. */
  weight: number;
  /** A notice the user relies on: removing it is worse even when its wording was unfavourable. */
  disclosure: boolean;
  /** Short noun phrase for reasons and summaries ("the security of personal data"). */
  topic: string;
}

/** An optional summariser (an LLM, say) that may rewrite the deterministic summary. Off by default. */
export interface ChangeSummariser {
  summarise(analysis: ChangeAnalysis, beforeMarkdown: string, afterMarkdown: string): Promise<string>;
}
