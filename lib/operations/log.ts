// The operational log: one JSON object a line on standard output (pino), for the operators'
// collector. Every line written while a request is served carries its id (server-state.ts), the
// id the error page shows and the X-Request-Id header answers with. No personal data or secrets:
// bodies are never logged, and the values of the fields below are replaced wherever they appear
// (at the top of a line's object or one level down, e.g. headers.cookie). Messages themselves
// name ids (an application, a delivery), never people or their addresses.
import { format } from 'node:util';
import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './server-state';

export type { Logger };

export const redactedFields = [
  'password', 'passwordHash', 'token', 'secret', 'cookie', 'authorization', 'email', 'phone', 'address',
  'nationalIdNumber', 'answers', 'body', 'recoveryCodes', 'totpSecret',
];

export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      redact: { paths: redactedFields.flatMap((field) => [field, `*.${field}`]), censor: '[redacted]' },
    },
    // Written at once: few lines a request (no access log), and none lost or reordered when the
    // process exits right after (pino's default buffers, and flushes on exit out of order).
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

// app-server.ts and the Next.js build each load this module: one logger for the process.
const key = Symbol.for('mpwt-portal.log');
const shared = globalThis as unknown as Record<symbol, Logger | undefined>;
export const log: Logger = (shared[key] ??= createLogger());

/**
 * Makes console.* write through the log, so that what Next.js itself prints (a server error and
 * its digest) is a JSON line with the request's id too, and the output stays one format.
 */
export function sendConsoleToLog(logger: Logger = log): void {
  const to = (level: 'debug' | 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    const error = args.find((arg): arg is Error => arg instanceof Error);
    const message = format(...args.filter((arg) => arg !== error));
    if (error) logger[level]({ err: error }, message || error.message);
    else logger[level](message);
  };
  console.debug = to('debug');
  console.log = to('info');
  console.info = to('info');
  console.warn = to('warn');
  console.error = to('error');
}
