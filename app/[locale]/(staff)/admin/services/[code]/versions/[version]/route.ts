import { NextResponse } from 'next/server';
import { currentActor } from '@/lib/auth/session';
import { exportVersion } from '@/lib/services/drafts';

type Params = { params: Promise<{ locale: string; code: string; version: string }> };

/** One version's definition as a JSON file, for an import here or on another portal. Administrators only. */
export async function GET(_: Request, { params }: Params) {
  const { code, version } = await params;
  const actor = await currentActor();
  const number = Number(version);
  const definition = actor && Number.isSafeInteger(number) && number > 0 ? await exportVersion(actor, code, number) : null;
  if (!definition) return new NextResponse('Not found', { status: 404 });
  return new NextResponse(`${JSON.stringify(definition, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${code}-v${number}.json"`,
      'cache-control': 'no-store',
    },
  });
}
