import { BadRequestException } from '@nestjs/common';

export type RecordKind = 'E' | 'D' | 'V' | 'P' | 'C';

/** Parses `<PREFIX>-<KIND>-<NUMBER>`; a malformed ID is a 400 with a message saying what a good one looks like. */
export function parseRecordIdOrThrow(id: string, expected?: RecordKind): { prefix: string; kind: RecordKind; number: number } {
  const match = /^([A-Z][A-Z0-9]{0,9})-([EDVPC])-(\d{1,15})$/.exec(id);
  if (!match) {
    throw new BadRequestException(`"${id.slice(0, 80)}" is not a record ID: expected <PREFIX>-<KIND>-<NUMBER> such as CW-D-00094 (kinds E, D, V, P, C)`);
  }
  const kind = match[2] as RecordKind;
  if (expected && kind !== expected) {
    throw new BadRequestException(`"${id}" is a ${kind} record; this route takes a ${expected} record ID`);
  }
  return { prefix: match[1], kind, number: Number(match[3]) };
}
