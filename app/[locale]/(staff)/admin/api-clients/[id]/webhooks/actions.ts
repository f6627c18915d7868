'use server';
import { notFound, redirect } from 'next/navigation';
import { requireArea } from '@/lib/auth/guards';
import { actAsOwner } from '@/lib/webhooks/owner';

async function act(act: 'replay' | 'disable', locale: string, clientId: string, data: FormData): Promise<void> {
  const actor = await requireArea(locale, 'admin.enter', `/admin/api-clients/${clientId}/webhooks`);
  if (!(await actAsOwner(actor, act, clientId, data))) notFound();
  redirect(`/${locale}/admin/api-clients/${clientId}/webhooks?done=${act === 'replay' ? 'replayed' : 'disabled'}`);
}

export async function replayWebhookAction(locale: string, clientId: string, data: FormData): Promise<void> {
  await act('replay', locale, clientId, data);
}

export async function disableWebhookAction(locale: string, clientId: string, data: FormData): Promise<void> {
  await act('disable', locale, clientId, data);
}
