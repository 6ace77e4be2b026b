import { LedgerError, LedgerErrorCode, LedgerService } from '@clausewatch/db';
import { parseSavedTreeHead, RecordsError, toHex } from '@clausewatch/records';
import { BadRequestException, Controller, Get, NotFoundException, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';

const MAX_HEADS_PER_PAGE = 1000;

function size(name: string, value: string | undefined): number {
  if (value === undefined || !/^\d{1,15}$/.test(value)) throw new BadRequestException(`${name} must be a tree size (a non-negative integer)`);
  return Number(value);
}

/** The verifiable ledger: its public key, signed tree heads and consistency proofs. */
@ApiTags('ledger')
@Controller('ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('key')
  @ApiOkResponse({ description: 'The Ed25519 public key that signs tree heads (SPKI PEM and raw base64) and its key ID (SHA-256 of the raw key)' })
  key() {
    return this.ledger.publicKey();
  }

  @Get('tree-head')
  @ApiOkResponse({ description: 'The newest signed tree head (one is signed after every capture that grows the log)' })
  @ApiNotFoundResponse({ description: 'No tree head signed yet' })
  async treeHead() {
    return this.ledger.latestTreeHead();
  }

  @Get('tree-heads')
  @ApiQuery({ name: 'from', required: false, example: '0', description: 'Smallest tree size to list (default 0)' })
  @ApiQuery({ name: 'limit', required: false, example: '100', description: `Heads per page, 1 to ${MAX_HEADS_PER_PAGE} (default ${MAX_HEADS_PER_PAGE})` })
  @ApiOkResponse({ description: 'Signed tree heads published so far, smallest first, a page at a time; `next` is the `from` of the next page or null' })
  @ApiBadRequestResponse({ description: 'A from or limit that is not an integer in range' })
  async treeHeads(@Query('from') from: string | undefined, @Query('limit') limit: string | undefined) {
    const fromSize = from === undefined ? 0 : size('from', from);
    const pageSize = limit === undefined ? MAX_HEADS_PER_PAGE : size('limit', limit);
    if (pageSize < 1 || pageSize > MAX_HEADS_PER_PAGE) throw new BadRequestException(`limit must be between 1 and ${MAX_HEADS_PER_PAGE}`);
    const treeHeads = await this.ledger.storedHeads(undefined, { fromSize, limit: pageSize + 1 });
    const next = treeHeads.length > pageSize ? treeHeads[pageSize].treeSize : null;
    return { treeHeads: treeHeads.slice(0, pageSize), next };
  }

  @Get('verify')
  @ApiQuery({ name: 'since', example: '12:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', description: 'A tree head saved earlier: "<treeSize>:<rootHash hex>" or its JSON' })
  @ApiOkResponse({ description: 'Whether today\'s log extends the saved head (RFC 6962 consistency proof, hex), with the current signed head and any problem found; ok false means entries were rewritten or removed' })
  @ApiBadRequestResponse({ description: 'A missing or malformed saved head' })
  async verifySince(@Query('since') since: string | undefined) {
    if (since === undefined || since.length > 4096) throw new BadRequestException('since must be a saved tree head: "<treeSize>:<rootHash hex>" or its JSON');
    let saved;
    try {
      saved = parseSavedTreeHead(since);
    } catch (error) {
      if (error instanceof RecordsError) throw new BadRequestException(error.message);
      throw error;
    }
    try {
      return await this.ledger.verifySince(saved);
    } catch (error) {
      if (error instanceof LedgerError && error.code === LedgerErrorCode.NoSuchTreeHead) throw new NotFoundException(error.message);
      throw error;
    }
  }

  @Get('consistency')
  @ApiQuery({ name: 'from', example: '10', description: 'Size of the older signed tree head' })
  @ApiQuery({ name: 'to', example: '20', description: 'Size of the newer signed tree head' })
  @ApiOkResponse({ description: 'RFC 6962 consistency proof (hex hashes) between two published signed tree heads, with both heads' })
  @ApiBadRequestResponse({ description: 'A size that is not an integer, or from > to' })
  @ApiNotFoundResponse({ description: 'No signed tree head of that size' })
  async consistency(@Query('from') from: string | undefined, @Query('to') to: string | undefined) {
    const oldSize = size('from', from);
    const newSize = size('to', to);
    if (oldSize > newSize) throw new BadRequestException(`from (${oldSize}) must not exceed to (${newSize})`);
    try {
      const { from: fromHead, to: toHead, proof } = await this.ledger.consistency(oldSize, newSize);
      return { from: fromHead, to: toHead, proof: { oldSize: proof.oldSize, newSize: proof.newSize, hashes: proof.hashes.map(toHex) } };
    } catch (error) {
      if (error instanceof RecordsError) throw new BadRequestException(error.message);
      throw error;
    }
  }
}
