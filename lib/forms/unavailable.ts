import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { log } from '@/lib/operations/log';

export const unavailable = Symbol('service unavailable');

/**
 * Runs work that needs the database; if the database is unreachable (a restart, a failover) it
 * answers `unavailable` instead of throwing, so that the page or form can say "try again" in the
 * person's language, with or without JavaScript. Redirects and not-found still go through.
 */
export async function orUnavailable<T>(work: () => Promise<T>): Promise<T | typeof unavailable> {
  try {
    return await work();
  } catch (error) {
    unstable_rethrow(error);
    log.error({ err: error }, 'service unavailable: the database could not be read');
    return unavailable;
  }
}
