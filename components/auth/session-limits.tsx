import { getTranslations } from 'next-intl/server';
import { sessionLimits } from '@/lib/auth/sessions';

/** How long sessions last, in words, from the numbers the server enforces. */
export async function sessionLimitTexts(): Promise<{ public: string; staff: string }> {
  const t = await getTranslations('sessions');
  return {
    public: t('limits', { idleHours: sessionLimits.public.idleMinutes / 60, absoluteHours: sessionLimits.public.absoluteHours }),
    staff: t('staffLimits', { idleMinutes: sessionLimits.staff.idleMinutes, absoluteHours: sessionLimits.staff.absoluteHours }),
  };
}
