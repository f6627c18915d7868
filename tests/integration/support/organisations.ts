import { findActor } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { invite } from '@/lib/organisations/invitations';
import { registerOrganisation } from '@/lib/organisations/register';
import { newCitizen } from './applicants';

/** A newly registered company and its owner. */
export async function company() {
  const owner = await newCitizen();
  const digits = () => String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
  const created = await registerOrganisation(owner.id, {
    nameKm: 'ក្រុមហ៊ុន សាកល្បង', nameEn: 'Test Co., Ltd.', registrationNumber: digits().slice(0, 8), taxId: `K001-${digits()}`, province: 'kandal', line: 'No. 1',
  });
  if (!created.ok) throw new Error('could not register the test company');
  return { owner: { ...(await findActor(owner.id))!, locale: 'en' }, organisationId: created.id };
}

/** Invites a new citizen and returns them with the token from the invitation email's link. */
export async function invited(owner: Awaited<ReturnType<typeof company>>['owner'], organisationId: string, role: 'manager' | 'viewer' = 'manager') {
  const colleague = await newCitizen();
  const { email } = await db.user.findUniqueOrThrow({ where: { id: colleague.id } });
  await invite(owner, organisationId, email!, role, 'https://portal.example');
  const [notification] = await db.notification.findMany({ where: { kind: 'invitation', deliveries: { some: { address: email! } } } });
  const link = (notification!.data as { invitation: { link: string } }).invitation.link;
  return { colleague, token: link.split('/invitations/')[1]! };
}
