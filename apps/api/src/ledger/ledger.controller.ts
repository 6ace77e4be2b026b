import { LedgerError, LedgerErrorCode, LedgerService } from '@clausewatch/capture';
import { RecordsError, toHex } from '@clausewatch/records';
import { BadRequestException, Controller, Get, NotFoundException, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';

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
  @ApiOkResponse({ description: 'The signed tree head of the whole log as it is now (signed on demand when the log has grown)' })
  treeHead() {
    return this.ledger.latestTreeHead();
  }

  @Get('tree-heads')
  @ApiOkResponse({ description: 'Every signed tree head published so far, smallest first' })
  async treeHeads() {
    return { treeHeads: await this.ledger.storedHeads() };
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
      if (error instanceof LedgerError && error.code === LedgerErrorCode.NoSuchTreeHead) throw new NotFoundException(error.message);
      if (error instanceof RecordsError) throw new BadRequestException(error.message);
      throw error;
    }
  }
}
