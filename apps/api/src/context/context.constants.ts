/** Provisions of one type read from other platforms before ranking by similarity. */
export const CONTEXT_CANDIDATES = 2000;

/** Other platforms shown per clause type ("how other platforms handle this"). */
export const CONTEXT_CLOSEST = 5;
