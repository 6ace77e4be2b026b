import { InitialSchema1764000000000 } from './1764000000000-initial-schema';

/** Every migration, in order. `synchronize` is off: the schema only changes through these. */
export const migrations = [InitialSchema1764000000000];
