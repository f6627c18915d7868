'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/auth/guards';
import { acceptInvitation } from '@/lib/organisations/invitations';

export async function acceptInvitationAction(locale: string, token: string): Promise<void> {
  const actor = await requireActor(locale, `/invitations/${token}`);
  const result = await acceptInvitation(actor, token);
  if (result.ok) redirect(`/${locale}/organisations/${result.organisationId}?joined=1`);
  redirect(`/${locale}/invitations/${token}?refused=${result.error}`);
}
