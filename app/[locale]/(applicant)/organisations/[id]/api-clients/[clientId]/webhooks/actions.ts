'use server';
import { notFound, redirect } from 'next/navigation';
import { requireActor } from '@/lib/auth/guards';
import { actAsOwner } from '@/lib/webhooks/owner';

async function act(act: 'replay' | 'disable', locale: string, organisationId: string, clientId: string, data: FormData): Promise<void> {
  const path = `/organisations/${organisationId}/api-clients/${clientId}/webhooks`;
  const actor = await requireActor(locale, path);
  if (!(await actAsOwner(actor, act, clientId, data, organisationId))) notFound();
  redirect(`/${locale}${path}?done=${act === 'replay' ? 'replayed' : 'disabled'}`);
}

export async function replayWebhookAction(locale: string, organisationId: string, clientId: string, data: FormData): Promise<void> {
  await act('replay', locale, organisationId, clientId, data);
}

export async function disableWebhookAction(locale: string, organisationId: string, clientId: string, data: FormData): Promise<void> {
  await act('disable', locale, organisationId, clientId, data);
}
