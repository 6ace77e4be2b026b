import { SnapshotsRepository, VersionsRepository } from '@clausewatch/db';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { requireRecordIdParam } from './record-id.parser';

export interface RecordBytes {
  body: Buffer;
  contentType: string;
  filename: string;
}

/** File name extensions by captured media type, so `curl -OJ` saves a file a viewer opens. */
const EXTENSIONS: Array<[RegExp, string]> = [
  [/^text\/html/i, 'html'],
  [/^application\/xhtml/i, 'html'],
  [/^application\/pdf/i, 'pdf'],
  [/^multipart\/mixed/i, 'eml'],
  [/^text\/plain/i, 'txt'],
  [/^text\/markdown/i, 'md'],
];

/**
 * The exact bytes behind a version record, for an outsider to hash: the captured snapshot (raw,
 * with the type it was captured with; a combined document's pages as the stored multipart/mixed
 * bundle of its parts) and the stored text. Their SHA-256 are the record's rawSha256 and textSha256.
 */
@Injectable()
export class RecordBytesService {
  constructor(
    private readonly snapshots: SnapshotsRepository,
    private readonly versions: VersionsRepository,
  ) {}

  /**
   * One page: its bytes. A combined document's pages: `part` (1-based) picks one; its rawSha256 is the
   * SHA-256 of the pages' SHA-256s joined by line feeds (versionRawSha256).
   */
  async snapshot(id: string, part?: string): Promise<RecordBytes> {
    requireRecordIdParam(id, 'V');
    const parts = await this.snapshots.findPartsOfVersion(id);
    if (!parts || parts.length === 0) throw new NotFoundException(`no record ${id}`);
    let index = 0;
    if (part !== undefined || parts.length > 1) {
      index = Number(part) - 1;
      if (!Number.isInteger(index) || index < 0 || index >= parts.length) {
        throw new BadRequestException(`${id} has ${parts.length} page(s): ask for ?part=1${parts.length > 1 ? ` to ?part=${parts.length}` : ''}`);
      }
    }
    const snapshot = parts[index];
    const contentType = snapshot.contentType ?? 'application/octet-stream';
    const extension = EXTENSIONS.find(([pattern]) => pattern.test(contentType))?.[1] ?? 'bin';
    return { body: snapshot.body, contentType, filename: parts.length > 1 ? `${id}.part${index + 1}.${extension}` : `${id}.${extension}` };
  }

  async text(id: string): Promise<RecordBytes> {
    requireRecordIdParam(id, 'V');
    const version = await this.versions.findByRecordId(id);
    if (!version) throw new NotFoundException(`no record ${id}`);
    return { body: Buffer.from(version.markdown, 'utf8'), contentType: 'text/markdown; charset=utf-8', filename: `${id}.md` };
  }
}
