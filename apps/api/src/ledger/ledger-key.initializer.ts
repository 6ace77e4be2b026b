import { LedgerService } from '@clausewatch/capture';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';

/** Creates the ledger's signing key at first start, so its public key can be published before any capture. */
@Injectable()
export class LedgerKeyInitializer implements OnApplicationBootstrap {
  private readonly logger = new Logger('Ledger');

  constructor(private readonly ledger: LedgerService) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const key = await this.ledger.publicKey();
      this.logger.log(`ledger key ${key.keyId}`);
    } catch (error) {
      // A database not yet migrated must not stop the API: the key is then created on first use.
      this.logger.warn(`ledger key not ready: ${(error as Error).message}`);
    }
  }
}
