import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps every message it accepts. */
export interface Mailbox {
  url: string;
  messages: ParsedMail[];
  /**
   * The next message is received but never answered, as when the sender dies before the
   * server's "250 OK": it is not accepted. Resolves when that message has arrived.
   */
  stallNext(): Promise<void>;
  /** The next message is answered "250 OK" only when `release` is called. Resolves when it has arrived. */
  holdNext(): Promise<{ release(): void }>;
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const messages: ParsedMail[] = [];
  let stalled: (() => void) | null = null;
  let held: ((release: () => void) => void) | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (stalled) {
            stalled();
            stalled = null;
            return;
          }
          const accept = () => {
            messages.push(mail);
            callback();
          };
          if (held) {
            held(accept);
            held = null;
            return;
          }
          accept();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A sender killed mid-message resets its connection; smtp-server reports that as an 'error'
  // event, which unheard would end the test process.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    stallNext: () => new Promise<void>((resolve) => (stalled = resolve)),
    holdNext: () => new Promise<{ release(): void }>((resolve) => (held = (release) => resolve({ release }))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
