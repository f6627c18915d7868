// The tracking lookup as JSON, for callers that are not people. Public by design: the reference
// and its tracking code are the credential, and wrong guesses from one address are limited.
// The lookup server (lib/cli/lookup-server.ts) answers the same lookup with less overhead.
import { NextResponse } from 'next/server';
import { trackingLookup } from '@/lib/applications/track-application';
import { clientAddress } from '@/lib/auth/session';

export async function GET(request: Request) {
  const answer = await trackingLookup(new URL(request.url).searchParams, await clientAddress(request.headers));
  return NextResponse.json(answer.body, { status: answer.status, headers: answer.headers });
}
