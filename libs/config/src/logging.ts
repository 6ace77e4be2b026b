import type { AppConfig } from './config';

/**
 * pino-http options for `nestjs-pino` in the API and the crawler (plain data, so this library stays
 * framework-free): JSON lines when LOG_FORMAT=json, readable lines otherwise; one line per HTTP
 * request with its method, URL, status and duration.
 */
export function pinoHttpOptions(config: Pick<AppConfig, 'logFormat'>, options: { enabled?: boolean; name: string }) {
  return {
    name: options.name,
    enabled: options.enabled ?? true,
    level: 'info',
    ...(config.logFormat === 'pretty' ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
    // One request line: method, route, status and duration as fields (not the whole request).
    quietReqLogger: true,
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customSuccessMessage: () => 'request done',
    customErrorMessage: () => 'request failed',
    customAttributeKeys: { responseTime: 'durationMs' },
  };
}
