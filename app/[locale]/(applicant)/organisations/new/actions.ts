'use server';
import { redirect } from 'next/navigation';
import { requireArea } from '@/lib/auth/guards';
import { localeArgument } from '@/lib/forms/action-arguments';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { orUnavailable, unavailable } from '@/lib/forms/unavailable';
import { organisationInput, registerOrganisation } from '@/lib/organisations/register';

export async function registerOrganisationAction(locale: string, _: FormState, data: FormData): Promise<FormState> {
  localeArgument(locale);
  const t = await actionTranslator(locale);
  const values = formValues(data);
  const parsed = organisationInput.safeParse(values);
  if (!parsed.success) return { fieldErrors: t.fields(toFieldErrors(parsed.error)), values };
  const result = await orUnavailable(async () => {
    const actor = await requireArea(locale, 'organisation.register', '/organisations/new');
    return registerOrganisation(actor.id, parsed.data);
  });
  if (result === unavailable) return { formError: t.text('errors.organisation.unavailable'), values };
  if (!result.ok) return { fieldErrors: t.fields({ [result.taken]: `errors.organisation.${result.taken}Taken` }), values };
  redirect(`/${locale}/account?organisation=created`);
}
