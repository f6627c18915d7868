'use server';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { requireActor } from '@/lib/auth/guards';
import { localeArgument, uuidArgument } from '@/lib/forms/action-arguments';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { orUnavailable, unavailable } from '@/lib/forms/unavailable';
import { publicAddress } from '@/lib/http/public-address';
import { invite, revokeInvitation, setMembership } from '@/lib/organisations/invitations';
import { canInOrganisation } from '@/lib/policy/policy';

const uuid = z.uuid();
const invitation = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('errors.invitation.email')),
  role: z.enum(['owner', 'manager', 'viewer'], 'errors.invitation.role'),
});

export async function inviteAction(locale: string, organisationId: string, _: FormState, data: FormData): Promise<FormState> {
  localeArgument(locale);
  const t = await actionTranslator(locale);
  const values = formValues(data);
  const parsed = invitation.safeParse(values);
  if (!parsed.success) return { fieldErrors: t.fields(toFieldErrors(parsed.error)), values };
  const result = await orUnavailable(async () => {
    const actor = await requireActor(locale, `/organisations/${organisationId}`);
    if (!uuid.safeParse(organisationId).success || !canInOrganisation(actor, 'organisation.manage', organisationId)) notFound();
    return invite({ ...actor, locale }, organisationId, parsed.data.email, parsed.data.role, publicAddress());
  });
  if (result === unavailable) return { formError: t.text('errors.invitation.unavailable'), values };
  if (!result.ok) return { formError: t.text('errors.invitation.limited', { minutes: result.minutes }), values };
  redirect(`/${locale}/organisations/${organisationId}?invited=1`);
}

export async function revokeInvitationAction(locale: string, organisationId: string, invitationId: string): Promise<void> {
  localeArgument(locale);
  uuidArgument(organisationId);
  const actor = await requireActor(locale, `/organisations/${organisationId}`);
  if (!uuid.safeParse(invitationId).success || !(await revokeInvitation(actor, invitationId))) notFound();
  redirect(`/${locale}/organisations/${organisationId}?revoked=1`);
}

export async function membershipAction(locale: string, organisationId: string, userId: string, data: FormData): Promise<void> {
  localeArgument(locale);
  uuidArgument(organisationId);
  const actor = await requireActor(locale, `/organisations/${organisationId}`);
  const choice = String(data.get('role') ?? '');
  const role = choice === 'remove' ? null : z.enum(['owner', 'manager', 'viewer']).safeParse(choice).data;
  if (role === undefined || !uuid.safeParse(userId).success) notFound();
  const result = await setMembership(actor, organisationId, userId, role);
  if (result === 'notFound') notFound();
  redirect(`/${locale}/organisations/${organisationId}?${result === 'lastOwner' ? 'lastOwner=1' : 'changed=1'}`);
}
