import { LedgerService } from '@clausewatch/db';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';

/**
 * Creates the ledger's signing key at first start, so its public key can be published before any
 * capture, and signs a head of the log as it is (the empty log at first start), so the read routes
 * always have one to serve.
 */
@Injectable()
export class LedgerKeyInitializer implements OnApplicationBootstrap {
  private readonly logger = new Logger('Ledger');

  constructor(private readonly ledger: LedgerService) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const key = await this.ledger.publicKey();
      const head = await this.ledger.signTreeHead();
      this.logger.log(`ledger key ${key.keyId}, tree size ${head.treeSize}`);
    } catch (error) {
      // A database not yet migrated must not stop the API: the key is then created on first use.
      this.logger.warn(`ledger key not ready: ${(error as Error).message}`);
    }
  }
}
