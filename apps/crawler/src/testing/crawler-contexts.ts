import { AppConfig } from '@clausewatch/config';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CrawlerModule } from '../crawler.module';

/**
 * Crawler processes for the crawler's integration specs: each a Nest context of its own on the same
 * database (as separate processes would be), started in turn. Their ticks run at start.
 */
export async function startCrawlers(config: AppConfig, databaseUrl: string, count: number): Promise<INestApplicationContext[]> {
  const crawlers: INestApplicationContext[] = [];
  for (let i = 0; i < count; i++) {
    const app = await NestFactory.createApplicationContext(CrawlerModule.forRoot({ config, databaseUrl }), { logger: false, abortOnError: false });
    await app.init();
    crawlers.push(app);
  }
  return crawlers;
}

/** Closes the crawlers one after the other (each stops its pg-boss workers first). */
export async function closeCrawlers(crawlers: INestApplicationContext[]): Promise<void> {
  for (const app of crawlers) await app.close();
}
