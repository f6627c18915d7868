// The tracking lookup as JSON, for the tracking page's callers that are not people: SMS and
// call-centre systems, other government services. Public by design: the reference and its
// tracking code are the credential, and wrong guesses from one address are limited.
import { NextResponse } from 'next/server';
import { trackApplication } from '@/lib/applications/track-application';
import { clientAddress } from '@/lib/auth/session';

export async function GET(request: Request) {
  const url = new URL(request.url);
  const reference = (url.searchParams.get('reference') ?? '').slice(0, 40);
  const code = (url.searchParams.get('code') ?? '').slice(0, 20);
  if (!reference || !code) return NextResponse.json({ error: 'referenceAndCodeRequired' }, { status: 400 });
  const result = await trackApplication(reference, code, await clientAddress(request.headers));
  if (result.ok) return NextResponse.json(result.application, { headers: { 'Cache-Control': 'no-store' } });
  return result.error === 'limited'
    ? NextResponse.json({ error: 'limited', minutes: result.minutes }, { status: 429, headers: { 'Retry-After': String(result.minutes * 60) } })
    : NextResponse.json({ error: 'notFound' }, { status: 404 });
}
