import type { AppConfig } from './config';

/**
 * pino options. Personal data never goes into free-text logs: URLs carry no
 * CPR by design, and these paths are redacted in case an object is logged.
 */
export function loggerOptions(config: Pick<AppConfig, 'logLevel'>) {
  return {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.cpr', '*.*.cpr', 'body', 'req.body'],
      censor: '[skjult]',
    },
  };
}
