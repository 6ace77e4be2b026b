import { RecordCapture } from '@clausewatch/capture';
import { loadConfig } from '@clausewatch/config';
import { DocumentsRepository } from '@clausewatch/db';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { CliCommand, CliUsageError, parseArgs } from '../command';
import { withServices } from '../cli-context';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'application/xhtml+xml',
  '.pdf': 'application/pdf',
  '.md': 'text/markdown',
  '.txt': 'text/plain',
};

/** The running server's base URL if one answers on PORT, so the capture goes through its route. */
async function runningServer(port: number): Promise<string | null> {
  const base = `http://127.0.0.1:${port}`;
  try {
    const response = await fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(1500) });
    return response.ok ? base : null;
  } catch {
    return null;
  }
}

export const ingestCommand: CliCommand = {
  name: 'ingest',
  usage: 'ingest --document <id> --file <path> [--url U] [--captured-at ISO]',
  summary: 'record a capture as if it had just been fetched (through the running server when there is one)',
  async run(args) {
    const { strings } = parseArgs(args, { strings: ['document', 'file', 'url', 'captured-at'] });
    if (!strings.document || !strings.file) throw new CliUsageError('--document and --file are required');
    const file = resolve(strings.file);
    if (!existsSync(file)) throw new CliUsageError(`no file ${file}`);
    const capturedAt = strings['captured-at'] ? new Date(strings['captured-at']) : new Date();
    if (Number.isNaN(capturedAt.getTime())) throw new CliUsageError(`--captured-at must be an ISO 8601 date, got "${strings['captured-at']}"`);
    const body = readFileSync(file);
    const contentType = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const config = loadConfig();

    const server = await runningServer(config.port);
    if (server) {
      const tokenFile = join(config.dataDir, 'admin-token');
      const token = config.adminToken ?? (existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : null);
      if (!token) throw new CliUsageError('a server runs on PORT but no ADMIN_TOKEN is set or kept under DATA_DIR');
      const query = new URLSearchParams({ capturedAt: capturedAt.toISOString(), ...(strings.url ? { url: strings.url } : {}) });
      const response = await fetch(`${server}/api/v1/documents/${encodeURIComponent(strings.document)}/captures?${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        body,
      });
      const text = await response.text();
      process.stdout.write(`${text}\n`);
      return response.ok ? 0 : 1;
    }

    return withServices(async ({ app }) => {
      const document = await app.get(DocumentsRepository).findByRecordId(strings.document!);
      if (!document) throw new CliUsageError(`no document ${strings.document}`);
      const pageUrl = strings.url ?? document.sources[0].url;
      const result = await app.get(RecordCapture).record(
        document,
        { parts: [{ body, contentType, url: pageUrl }], url: pageUrl, finalUrl: strings.url ?? null, httpStatus: null, fetcher: 'capture', capturedAt },
        { trigger: 'capture', confirmed: true, startedAt: new Date(), durationMs: 0 },
      );
      process.stdout.write(
        `${JSON.stringify({
          outcome: result.outcome,
          ...(result.cause ? { cause: result.cause } : {}),
          version: result.version ? { id: result.version.recordId, textSha256: result.version.textSha256, created: result.created } : null,
          change: result.change
            ? { id: result.change.recordId, kind: result.change.kind, severity: result.change.severity, alertEligible: result.change.alertEligible }
            : null,
        })}\n`,
      );
      return result.outcome === 'ok' ? 0 : 1;
    });
  },
};
