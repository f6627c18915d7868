import { getTranslations } from 'next-intl/server';
import type { ActionFormLabels } from '@/components/ui/action-form';

/** The words every administration form shares: the error summary, the error prefix, a select's first option. */
export async function adminFormLabels(): Promise<ActionFormLabels> {
  const [tErrors, tApp] = await Promise.all([getTranslations('errors'), getTranslations('application')]);
  return { summaryTitle: tErrors('summaryTitle'), errorPrefix: tErrors('errorPrefix'), select: tApp('select') };
}
