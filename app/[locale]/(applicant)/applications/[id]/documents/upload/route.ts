// Uploads post here as plain multipart forms (no JavaScript needed). A route handler rather than
// a server action, so that an oversized file gets our own translated message instead of the
// framework's body-size error, and is refused before it is read.
import { NextResponse } from 'next/server';
import { findApplication } from '@/lib/applications/find-application';
import { currentActor } from '@/lib/auth/session';
import { maxDocumentBytes, uploadDocument } from '@/lib/documents/upload-document';
import { isLocale } from '@/lib/i18n/routing';

type Params = { params: Promise<{ locale: string; id: string }> };

export async function POST(request: Request, { params }: Params) {
  const { locale, id } = await params;
  const url = new URL(request.url);
  const back = (query: string) => NextResponse.redirect(new URL(`/${locale}/applications/${id}/documents?${query}`, url), 303);
  const origin = request.headers.get('origin');
  if (origin && new URL(origin).host !== request.headers.get('host')) return new NextResponse(null, { status: 403 });
  if (!isLocale(locale)) return new NextResponse(null, { status: 404 });

  const actor = await currentActor();
  if (!actor) return NextResponse.redirect(new URL(`/${locale}/sign-in`, url), 303);
  const application = await findApplication(actor, id, 'application.edit');
  if (!application) return new NextResponse(null, { status: 404 });

  const document = (url.searchParams.get('document') ?? '').slice(0, 60);
  const query = (error: string) => `error=${error}&document=${encodeURIComponent(document)}`;
  // Multipart overhead is a few hundred bytes; anything past this is a file over the limit.
  if (Number(request.headers.get('content-length') ?? 0) > maxDocumentBytes + 64 * 1024) return back(query('tooLarge'));

  const form = await request.formData().catch(() => null);
  const file = form?.get('file');
  const result = await uploadDocument(application, actor, document, file instanceof File ? file : null);
  return back(result.ok ? `uploaded=${encodeURIComponent(document)}` : query(result.error));
}
