'use server';
// The server actions of the API client screens, for the administration's pages and a company's
// alike (components/api/). Each is a public endpoint: the bound arguments come back from the
// browser as it posts them, so each checks them, asks lib/api/manage-clients.ts (which asks
// policy against the client as the database has it) and answers "not found" to anyone else.
import { notFound, redirect } from 'next/navigation';
import { requireActor, requireArea } from '@/lib/auth/guards';
import { localeArgument, uuidArgument } from '@/lib/forms/action-arguments';
import { formValues, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { publicUrl } from '@/lib/http/public-address';
import type { Locale } from '@/lib/i18n/routing';
import { findClientAs, mayEnter, registerClientAs, revokeClientAs, rotateClientAs, type ClientArea, type FieldProblems } from './manage-clients';

/** A secret just made: shown in this one answer, kept nowhere else, gone on reload. */
export interface IssuedSecret {
  clientId: string;
  secret: string;
  tokenUrl: string;
  clientPath: string;
}

export interface ApiClientFormState extends FormState {
  issued?: IssuedSecret;
  /** The form was posted before: the client it registered then. */
  existingClientPath?: string;
  /** Rotate and revoke ask once more before they act. */
  confirming?: boolean;
}

/** The area an action was bound with: null for the administration's, or a company's id. */
function areaArgument(organisationId: unknown): ClientArea {
  return organisationId === null ? { kind: 'admin' } : { kind: 'company', organisationId: uuidArgument(organisationId) };
}

const basePath = (area: ClientArea) => (area.kind === 'admin' ? '/admin/api-clients' : `/organisations/${area.organisationId}/api-clients`);

async function actorIn(locale: Locale, area: ClientArea, returnTo: string) {
  // The administration's actions need the administrator's second factor, as its pages do.
  const actor = area.kind === 'admin' ? await requireArea(locale, 'admin.enter', returnTo) : await requireActor(locale, returnTo);
  if (!mayEnter(actor, area)) notFound();
  return actor;
}

function translate(t: Awaited<ReturnType<typeof actionTranslator>>, problems: FieldProblems): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([field, p]) => [field, t.text(p.key, p.values)]));
}

export async function registerApiClientAction(locale: string, organisationId: string | null, _: ApiClientFormState, data: FormData): Promise<ApiClientFormState> {
  const language = localeArgument(locale);
  const area = areaArgument(organisationId);
  const actor = await actorIn(language, area, `${basePath(area)}/new`);
  const t = await actionTranslator(language);
  const values = { ...formValues(data, ['formToken']), scopes: data.getAll('scopes').filter((s) => typeof s === 'string').join(' ') };
  const result = await registerClientAs(actor, area, { ...formValues(data), scopes: data.getAll('scopes') }, data.get('formToken'));
  switch (result.outcome) {
    case 'notFound':
      return notFound();
    case 'invalid': {
      const { form, ...fields } = translate(t, result.problems);
      return { fieldErrors: fields, formError: form, values };
    }
    case 'alreadyRegistered':
      return { formError: t.text('apiClients.errors.alreadyRegistered'), existingClientPath: `/${language}${basePath(area)}/${result.clientId}` };
    case 'registered':
      return { issued: { clientId: result.clientId, secret: result.secret, tokenUrl: publicUrl('/api/v1/oauth/token'), clientPath: `/${language}${basePath(area)}/${result.clientId}` } };
  }
}

/**
 * What rotate and revoke check first: the arguments, who asks, and the client as they may see it.
 * The first post only asks to confirm; nothing is done before `confirmed`.
 */
async function clientChange(locale: string, organisationId: string | null, clientId: string, data: FormData) {
  const language = localeArgument(locale);
  const area = areaArgument(organisationId);
  const clientPath = `${basePath(area)}/${uuidArgument(clientId)}`;
  const actor = await actorIn(language, area, clientPath);
  if (!(await findClientAs(actor, area, clientId))) notFound();
  return { language, area, actor, clientPath: `/${language}${clientPath}`, confirmed: data.get('confirmed') === 'yes' };
}

export async function rotateApiClientAction(locale: string, organisationId: string | null, clientId: string, _: ApiClientFormState, data: FormData): Promise<ApiClientFormState> {
  const { language, area, actor, clientPath, confirmed } = await clientChange(locale, organisationId, clientId, data);
  if (!confirmed) return { confirming: true };
  const result = await rotateClientAs(actor, area, clientId, data.get('secretVersion'));
  if (result.outcome === 'notFound') notFound();
  if (result.outcome === 'revoked' || result.outcome === 'stale') return { formError: (await actionTranslator(language)).text(`apiClients.errors.${result.outcome}`) };
  return { issued: { clientId, secret: result.secret!, tokenUrl: publicUrl('/api/v1/oauth/token'), clientPath } };
}

export async function revokeApiClientAction(locale: string, organisationId: string | null, clientId: string, _: ApiClientFormState, data: FormData): Promise<ApiClientFormState> {
  const { area, actor, clientPath, confirmed } = await clientChange(locale, organisationId, clientId, data);
  if (!confirmed) return { confirming: true };
  const result = await revokeClientAs(actor, area, clientId);
  if (result.outcome === 'notFound') notFound();
  // Revoked now, or already (another tab, another owner): the page says so either way.
  redirect(`${clientPath}?revoked=1`);
}
