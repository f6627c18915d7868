// The browser-side rules every response carries: what a page may load and run
// (Content-Security-Policy) and which device features it may ask for (Permissions-Policy).
// proxy.ts applies the page policy with a fresh nonce; next.config.ts applies the rest.

/** 128 random bits, base64: unguessable, and new for every response (proxy.ts makes one each time). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Where forms may post, or be redirected to after posting: the portal, and the identity provider. */
function formTargets(nationalIdIssuer: string | undefined): string {
  // Chromium checks form-action along the redirect chain: "Sign in with the national digital ID"
  // posts to a server action that answers 303 to the provider's authorization endpoint, which
  // without JavaScript is the form's own navigation. It sits at the issuer's origin (the demo
  // provider's and the providers we know of do).
  if (!nationalIdIssuer) return "'self'";
  try {
    return `'self' ${new URL(nationalIdIssuer).origin}`;
  } catch {
    return "'self'";
  }
}

export type PagePolicyOptions = {
  nonce: string;
  nationalIdIssuer?: string;
  publicUrl?: string;
  /** `next dev` only: React rebuilds server error stacks with eval, and the error overlay injects styles. */
  development?: boolean;
};

/**
 * The policy of every HTML page. Scripts run only with this response's nonce (Next.js puts it on
 * its own scripts, reading it from the request's Content-Security-Policy header); 'strict-dynamic'
 * lets those scripts load the chunks they import. Styles come only from the portal's stylesheet
 * files: nothing here renders inline style attributes or <style> tags (a test checks the pages).
 * The QR codes are inline SVG, not images. No 'unsafe-eval': production React and Next need none.
 */
export function pageContentSecurityPolicy({ nonce, nationalIdIssuer, publicUrl, development = false }: PagePolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    `style-src 'self'${development ? " 'unsafe-inline'" : ''}`,
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${formTargets(nationalIdIssuer)}`,
    "frame-ancestors 'none'",
  ];
  // Over plain http (the demo, the tests) upgrading would break every request.
  if (publicUrl?.startsWith('https://')) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/**
 * Responses that are not pages (PDFs, uploaded documents, CSV, JSON): they may load and run
 * nothing. Uploaded files are served inline from the portal's origin, so this is what stops a
 * crafted file from running as the portal. Chromium's PDF viewer still shows a PDF under it.
 */
export const documentContentSecurityPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The API reference (/api/reference, lib/api/reference.ts): Swagger UI's bundle and the file that
 * starts it, both from the portal, so no nonce is needed; its stylesheet is a file too (it sets
 * styles only through the DOM, which style-src does not govern). Two of its icons are data: SVG
 * images; it reads the OpenAPI document and, for "Try it out", the API, on the portal's origin.
 */
export const apiReferenceContentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The portal uses no device feature: uploads are plain file inputs (a phone's camera is offered by
 * the file picker, which needs no permission), payment is a KHQR code paid in the bank's own app.
 * Only features Chromium knows are listed: an unknown name (Chromium 156 knows no 'bluetooth')
 * is logged as an error on every page, and the end-to-end test fails on it.
 */
export const permissionsPolicy = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** What every answer carries (next.config.ts; the lean server, lib/applications/lookup-server.ts, too). */
export const everyAnswerHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': permissionsPolicy,
} as const;

/** Route handlers under a page address that answer files, not HTML: they get the document policy. */
const fileRoutes = [
  /^\/[a-z]{2}\/applications\/[^/]+\/(licence|receipt)$/,
  /^\/[a-z]{2}\/applications\/[^/]+\/documents\/(?!upload$)[^/]+$/,
  /^\/[a-z]{2}\/organisations\/[^/]+\/applications\/export$/,
];

export function isFileRoute(pathname: string): boolean {
  return fileRoutes.some((route) => route.test(pathname));
}
