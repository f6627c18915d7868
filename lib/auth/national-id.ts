// Sign-in with the national digital ID (CamDigiKey works this way): the OpenID Connect
// authorization-code flow with PKCE, state and nonce, through `openid-client`, which checks the
// ID token's signature, issuer, audience, expiry and nonce. What the flow must remember between
// leaving for the provider and coming back (state, nonce, PKCE verifier, where to go next) is kept
// in a short-lived encrypted cookie, deleted when the person comes back: an answer works once.
import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import { isPlainLine } from '@/lib/validation/plain-text';
import { publicUrl } from '@/lib/http/public-address';
import { deleteCookie, readSealedCookie, setSealedCookie } from './session';
import { log } from '@/lib/operations/log';

export interface NationalIdSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scope: string;
  numberClaim: string;
}

/** From the environment (README: "National digital ID"); null when the portal has none configured. */
export function nationalIdSettings(): NationalIdSettings | null {
  const { NATIONAL_ID_ISSUER: issuer, NATIONAL_ID_CLIENT_ID: clientId, NATIONAL_ID_CLIENT_SECRET: clientSecret } = process.env;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer: new URL(issuer),
    clientId,
    clientSecret,
    redirectUri: publicUrl('/api/national-id/callback'),
    scope: process.env.NATIONAL_ID_SCOPE ?? 'openid profile national_id',
    numberClaim: process.env.NATIONAL_ID_NUMBER_CLAIM ?? 'national_id_number',
  };
}

let discovered: { key: string; config: Promise<oidc.Configuration> } | null = null;

/** The provider's metadata and keys, fetched once per process (again after a failure). */
function configuration(settings: NationalIdSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuer.href} ${settings.clientId}`;
  if (discovered?.key !== key) {
    // Plain http only for a provider on this machine (the demo's); a real one is https.
    const loopback = settings.issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(settings.issuer.hostname);
    const config = oidc.discovery(settings.issuer, settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), {
      execute: loopback ? [oidc.allowInsecureRequests] : [],
      timeout: 10,
    });
    config.catch(() => {
      discovered = null;
    });
    discovered = { key, config };
  }
  return discovered.config;
}

export type NationalIdPurpose = { kind: 'signIn'; next: string | null } | { kind: 'link'; userId: string };

interface FlowState {
  state: string;
  nonce: string;
  verifier: string;
  locale: string;
  purpose: NationalIdPurpose;
}

const flowCookie = 'mpwt.national-id-flow';
// Only the callback reads it; lax, because the provider sends the person back with a top-level GET.
const flowCookiePath = '/api/national-id';

/** Remembers the flow in its cookie and answers the provider's address to send the person to. */
export async function startNationalIdFlow(locale: string, purpose: NationalIdPurpose): Promise<string> {
  const settings = nationalIdSettings();
  if (!settings) throw new Error('The national digital ID is not configured.');
  const config = await configuration(settings);
  const flow: FlowState = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), locale, purpose };
  await setSealedCookie(flowCookie, flow, 10 * 60, flowCookiePath);
  return oidc
    .buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri,
      scope: settings.scope,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      ui_locales: locale,
      // The person confirms who they are every time: phones and cafe computers are shared.
      prompt: 'login',
    })
    .toString();
}

export interface VerifiedIdentity {
  subject: string;
  name: string;
  dateOfBirth: Date;
  nationalIdNumber: string;
}

/** Every answer the portal gives about a national digital ID sign-in or link, as message keys (errors.nationalId.*). */
export const nationalIdOutcomes = ['expired', 'stateMismatch', 'cancelled', 'codeRejected', 'notVerified', 'missingClaims', 'unavailable', 'alreadyLinked', 'disabled'] as const;
export type NationalIdOutcome = (typeof nationalIdOutcomes)[number];

export const isNationalIdOutcome = (value: unknown): value is NationalIdOutcome => nationalIdOutcomes.includes(value as NationalIdOutcome);

/** What the protocol itself can refuse; the account rules add the other two. */
export type NationalIdError = Exclude<NationalIdOutcome, 'alreadyLinked' | 'disabled'>;

export type NationalIdResult =
  | { ok: true; identity: VerifiedIdentity; locale: string; purpose: NationalIdPurpose }
  | { ok: false; error: NationalIdError; locale: string; purpose: NationalIdPurpose | null };

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The provider's answer at the callback: checks it belongs to the flow this browser started
 * (state), exchanges the code with the PKCE verifier, and verifies the ID token (signature,
 * issuer, audience, nonce) before any claim is believed. The flow cookie is gone afterwards.
 */
export async function finishNationalIdFlow(request: Request, fallbackLocale: string): Promise<NationalIdResult> {
  const flow = await readSealedCookie<FlowState>(flowCookie);
  await deleteCookie(flowCookie, flowCookiePath);
  if (!flow) return { ok: false, error: 'expired', locale: fallbackLocale, purpose: null };
  const fail = (error: NationalIdError): NationalIdResult => ({ ok: false, error, locale: flow.locale, purpose: flow.purpose });

  const url = new URL(request.url);
  if (url.searchParams.get('error')) return fail(url.searchParams.get('error') === 'access_denied' ? 'cancelled' : 'notVerified');
  if (!sameText(url.searchParams.get('state') ?? '', flow.state)) return fail('stateMismatch');

  const settings = nationalIdSettings();
  if (!settings) return fail('unavailable');
  // The redirect address as registered: behind a proxy the request's own URL may differ.
  const callbackUrl = new URL(settings.redirectUri);
  callbackUrl.search = url.search;
  try {
    const config = await configuration(settings);
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    // Profile claims may come in the ID token or, by the standard's default, from userinfo.
    const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    const claims: Record<string, unknown> = { ...info, ...idClaims };
    const identity = toIdentity(claims, settings.numberClaim);
    return identity ? { ok: true, identity, locale: flow.locale, purpose: flow.purpose } : fail('missingClaims');
  } catch (error) {
    if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant') return fail('codeRejected');
    if (error instanceof oidc.AuthorizationResponseError) return fail(error.error === 'access_denied' ? 'cancelled' : 'notVerified');
    if (error instanceof TypeError || (error instanceof Error && /fetch failed|timeout|aborted/i.test(error.message))) return fail('unavailable');
    log.warn({ err: error }, 'national ID: refused an answer from the provider');
    return fail('notVerified');
  }
}

function toIdentity(claims: Record<string, unknown>, numberClaim: string): VerifiedIdentity | null {
  const { sub, name, birthdate } = claims;
  const number = claims[numberClaim];
  // A name that would not print on one line is not taken (it would reach licences and receipts).
  if (typeof sub !== 'string' || typeof name !== 'string' || !name.trim() || !isPlainLine(name.trim())) return null;
  if (typeof birthdate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(birthdate)) return null;
  if (typeof number !== 'string' || !/^\d{9}$/.test(number)) return null;
  const dateOfBirth = new Date(`${birthdate}T00:00:00Z`);
  if (Number.isNaN(dateOfBirth.getTime())) return null;
  return { subject: sub, name: name.trim(), dateOfBirth, nationalIdNumber: number };
}
