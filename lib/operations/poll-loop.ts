// The worker's loops (notifications, webhooks, and the periodic passes) share one shape: run a
// pass, and when it found nothing to do, rest a little before the next. Stopping lets the pass in
// hand finish: a message half-sent would otherwise wait for its lease to run out.
import type { Logger } from './log';

export interface PollLoop {
  stop(): Promise<void>;
}

/**
 * Runs `pass` until stopped. A pass answers how much work it took; after one that took none (or
 * failed, which is logged as `failure`), the loop waits `pollMs` or until stopped.
 */
export function startPollLoop(pass: () => Promise<number>, options: { pollMs: number; log: Pick<Logger, 'error'>; failure: string }): PollLoop {
  let running = true;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (running) {
      const taken = await pass().catch((error: unknown) => {
        options.log.error({ err: error }, options.failure);
        return 0;
      });
      if (taken === 0 && running) await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, options.pollMs)));
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
