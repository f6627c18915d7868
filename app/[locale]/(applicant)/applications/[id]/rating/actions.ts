'use server';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { requireActor } from '@/lib/auth/guards';
import { localeArgument, uuidArgument } from '@/lib/forms/action-arguments';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { orUnavailable, unavailable } from '@/lib/forms/unavailable';
import { rateApplication } from '@/lib/satisfaction/rate-application';

const ratingInput = z.object({
  score: z.enum(['1', '2', '3', '4', '5'], { error: 'satisfaction.errors.score' }).transform(Number),
  comment: z.string().trim().max(2000, 'satisfaction.errors.tooLong').transform((v) => v || null),
});

/**
 * The applicant's side rates a decided application, once. A second post (a double click, a
 * replay, another member of the organisation) says so and keeps the first rating; someone
 * policy does not let rate, or a forged id, gets "Page not found".
 */
export async function rateAction(locale: string, id: string, _: FormState, data: FormData): Promise<FormState> {
  localeArgument(locale);
  uuidArgument(id);
  const t = await actionTranslator(locale);
  const parsed = ratingInput.safeParse({ score: data.get('score') ?? undefined, comment: data.get('comment') ?? '' });
  if (!parsed.success) return { fieldErrors: t.fields(toFieldErrors(parsed.error)), values: formValues(data) };
  const outcome = await orUnavailable(async () => {
    const actor = await requireActor(locale, `/applications/${id}`);
    return rateApplication(actor, id, parsed.data);
  });
  if (outcome === unavailable) return { formError: t.text('satisfaction.errors.unavailable'), values: formValues(data) };
  if (outcome === 'notFound') notFound();
  redirect(`/${locale}/applications/${id}?rating=${outcome === 'rated' ? 'thanks' : 'already'}#satisfaction`);
}
