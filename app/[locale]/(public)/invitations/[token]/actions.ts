'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/auth/guards';
import { localeArgument } from '@/lib/forms/action-arguments';
import { acceptInvitation } from '@/lib/organisations/invitations';

export async function acceptInvitationAction(locale: string, token: string): Promise<void> {
  localeArgument(locale);
  const actor = await requireActor(locale, `/invitations/${token}`);
  const result = await acceptInvitation(actor, token);
  if (result.ok) redirect(`/${locale}/organisations/${result.organisationId}?joined=1`);
  redirect(`/${locale}/invitations/${encodeURIComponent(token)}?refused=${result.error}`);
}
