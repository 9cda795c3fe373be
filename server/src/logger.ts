import pino, { type Logger } from 'pino';
import type { Config } from './config/config.ts';

/** Paths never written to the log: credentials in headers, bodies and variables. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  'variables.*.password',
  'variables.password',
  'variables.token',
];

export function createLogger(config: Pick<Config, 'logLevel' | 'nodeEnv'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'diemcau', pid: process.pid },
    redact: { paths: redactPaths, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
