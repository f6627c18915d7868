// Uploads post here as plain multipart forms (no JavaScript needed). A route handler rather than
// a server action, so that an oversized file gets our own translated message instead of the
// framework's body-size error, and is cut off while it streams (lib/http/limited-body.ts).
import { findApplication } from '@/lib/applications/find-application';
import { currentActor } from '@/lib/auth/session';
import { maxDocumentBytes, uploadDocument } from '@/lib/documents/upload-document';
import { bodyUpTo, parseForm } from '@/lib/http/limited-body';
import { isSameOriginPost } from '@/lib/http/same-origin';
import { isLocale } from '@/lib/i18n/routing';

type Params = { params: Promise<{ locale: string; id: string }> };

// Multipart overhead is a few hundred bytes; anything past this is a file over the limit.
const maxBodyBytes = maxDocumentBytes + 64 * 1024;

// Relative, so the browser stays on whatever address it used (behind a proxy, the request's
// own URL names the app's internal host).
const seeOther = (location: string, headers: Record<string, string> = {}) =>
  new Response(null, { status: 303, headers: { Location: location, ...headers } });

export async function POST(request: Request, { params }: Params) {
  const { locale, id } = await params;
  if (!isSameOriginPost(request.headers)) return new Response(null, { status: 403 });
  if (!isLocale(locale)) return new Response(null, { status: 404 });

  const actor = await currentActor();
  if (!actor) return seeOther(`/${locale}/sign-in`);
  const application = await findApplication(actor, id, 'application.edit');
  if (!application) return new Response(null, { status: 404 });

  const document = (new URL(request.url).searchParams.get('document') ?? '').slice(0, 60);
  const back = (query: string, headers?: Record<string, string>) => seeOther(`/${locale}/applications/${id}/documents?${query}`, headers);
  const refused = (error: string) => `error=${error}&document=${encodeURIComponent(document)}`;

  const body = await bodyUpTo(request, maxBodyBytes);
  if (body === 'tooLarge') return back(refused('tooLarge'));
  // The rest of a body cut off is never read: closing the connection tells the client to stop.
  if (body === 'cutOff') return back(refused('tooLarge'), { Connection: 'close' });
  const file = (await parseForm(request, body))?.get('file');
  const result = await uploadDocument(application, actor, document, file instanceof File ? file : null);
  return back(result.ok ? `uploaded=${encodeURIComponent(document)}` : refused(result.error));
}
