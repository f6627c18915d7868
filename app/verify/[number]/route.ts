import { preferredLocale } from '@/lib/i18n/preferred-locale';

type Params = { params: Promise<{ number: string }> };

/**
 * What a licence's QR code opens (lib/licences/signature.ts, qrContent): an address without a
 * language, so the page opens in the language of the checker's browser. The signed fields go along
 * untouched. Codes printed before carry /km/verify/… and still open that page, in Khmer.
 */
export async function GET(request: Request, { params }: Params) {
  const { number } = await params;
  const locale = preferredLocale(request.headers.get('accept-language'));
  const { search } = new URL(request.url);
  return new Response(null, {
    status: 307,
    // Relative: the request's own host is not the portal's public address behind a proxy.
    headers: { Location: `/${locale}/verify/${encodeURIComponent(number)}${search}`, Vary: 'Accept-Language', 'Cache-Control': 'no-store' },
  });
}
