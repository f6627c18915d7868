import http from 'node:http';
import net from 'node:net';
import { port } from '../playwright.config';
import { fileVehicleRegistration, registerCitizen, startService } from './support/apply';
import { expect, test } from './support/fixtures';
import { receivedMail } from './support/mail';

// The server is configured with NEXTAUTH_URL=http://localhost:<port> (global-setup.ts); here the
// browser reaches it by another name, as people do behind a ministry's proxy and domain.
const otherAddress = `http://127.0.0.1:${port}`;
test.use({ baseURL: otherAddress });

test('a whole upload journey through an address other than the configured one stays on that address', async ({ page }) => {
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== otherAddress) elsewhere.push(request.url());
  });
  const email = await registerCitizen(page, 'en');
  // Starts the application, answers its pages, uploads three documents (each seen listed) and submits.
  const { id } = await fileVehicleRegistration(page);
  expect(new URL(page.url()).origin).toBe(otherAddress);
  expect(elsewhere).toEqual([]);

  // Links the portal writes for later, such as the email's, carry the configured public address.
  const mail = await receivedMail(email, 30_000, (m) => (m.text ?? '').includes(`/applications/${id}`));
  expect(mail.text).toContain(`http://localhost:${port}/en/applications/${id}`);
  expect(mail.text).not.toContain('127.0.0.1');
});

/**
 * POSTs a chunked body of `totalBytes` (no Content-Length) over a bare socket, returning the
 * answer's status and Location and how much had been written when it came. A bare socket because
 * the server closes the connection right after answering: a write still queued then fails with
 * EPIPE, and Node's HTTP client gives up on the request even though the answer has arrived.
 */
function streamUpload(path: string, cookie: string, totalBytes: number) {
  return new Promise<{ status: number; location: string; writtenWhenAnswered: number }>((resolve, reject) => {
    let written = 0;
    let received = '';
    let answer: { status: number; location: string; writtenWhenAnswered: number } | null = null;
    const socket = net.connect(port, '127.0.0.1');
    socket.on('data', (data) => {
      if (answer) return;
      received += data.toString('latin1');
      const head = received.split('\r\n\r\n')[0]!;
      if (head === received) return; // the headers are not all here yet
      const location = /^location: (.*)$/im.exec(head)?.[1] ?? '';
      answer = { status: Number(head.split(' ')[1]), location, writtenWhenAnswered: written };
      resolve(answer);
      socket.destroy();
    });
    socket.on('error', (error) => (answer ? undefined : reject(error)));
    socket.on('close', () => (answer ? undefined : reject(new Error(`closed without an answer after ${written} bytes`))));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      if (answer || socket.destroyed) return;
      if (written >= totalBytes) return void socket.end('0\r\n\r\n');
      written += chunk.length;
      socket.write(`${chunk.length.toString(16)}\r\n`);
      socket.write(chunk);
      if (socket.write('\r\n')) setImmediate(pump);
      else socket.once('drain', pump);
    };
    const part = '--edge\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n';
    socket.write(
      [
        `POST ${path} HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        `Cookie: ${cookie}`,
        `Origin: ${otherAddress}`,
        'Content-Type: multipart/form-data; boundary=edge',
        'Transfer-Encoding: chunked',
        '',
        `${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n`,
      ].join('\r\n'),
    );
    pump();
  });
}

test('a chunked upload of 50 MB is cut off at the limit and answered before it is all sent', async ({ page, context }) => {
  await registerCitizen(page, 'en');
  await startService(page, 'en', 'Register a new vehicle');
  await page.waitForURL(/\/applications\/[^/]+\/questions\//);
  const id = new URL(page.url()).pathname.split('/')[3]!;
  const cookie = (await context.cookies(otherAddress)).map((c) => `${c.name}=${c.value}`).join('; ');

  const answer = await streamUpload(`/en/applications/${id}/documents/upload?document=sales-invoice`, cookie, 50 * 1024 * 1024);
  expect(answer.status).toBe(303);
  // Relative: the browser stays where it is.
  expect(answer.location).toBe(`/en/applications/${id}/documents?error=tooLarge&document=sales-invoice`);
  // The limit is 10 MB; the server stopped reading soon after it, far from the 50 MB on offer.
  expect(answer.writtenWhenAnswered).toBeLessThan(25 * 1024 * 1024);
  await page.goto(answer.location);
  await expect(page.getByText('The file must be smaller than 10 MB').first()).toBeVisible();
  // Nothing was stored.
  await expect(page.getByText('huge.pdf')).toHaveCount(0);
});

/** A GET from a chosen loopback address: all of 127.0.0.0/8 is this machine. */
function getFrom(localAddress: string, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(`${otherAddress}${path}`, { localAddress, headers, agent: false }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode!));
      })
      .on('error', reject);
  });
}

test('25 tracking guesses, each with a new X-Forwarded-For, are throttled when no proxy is trusted', async () => {
  test.setTimeout(90_000);
  const answers: number[] = [];
  // From an address of its own, so that other tests' lookups from 127.0.0.1 are not held back.
  for (let i = 1; i <= 25; i++) {
    answers.push(await getFrom('127.0.0.2', '/api/track?reference=DL-1999-000001&code=WRONG234', { 'x-forwarded-for': `198.51.100.${i}` }));
  }
  expect(answers.slice(0, 20)).toEqual(Array(20).fill(404));
  expect(answers.slice(20)).toEqual(Array(5).fill(429));
});
