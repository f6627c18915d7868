'use server';
import { getTranslations } from 'next-intl/server';
import { trackApplication } from '@/lib/applications/track-application';
import { clientAddress } from '@/lib/auth/session';
import type { FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { loadHolidays } from '@/lib/deadlines/holiday-calendar';
import { formatDay } from '@/lib/i18n/format';
import { forecastForApplication } from '@/lib/performance/forecast';
import { isLocale, routing } from '@/lib/i18n/routing';

export interface TrackState extends FormState {
  /** Ready to show, in the page's language. */
  result?: { heading: string; rows: (readonly [string, string])[] };
}

// Public on purpose: anyone holding a reference and its tracking code may see the status.
export async function track(locale: string, _: TrackState, data: FormData): Promise<TrackState> {
  const lang = isLocale(locale) ? locale : routing.defaultLocale;
  const reference = String(data.get('reference') ?? '').slice(0, 40);
  const code = String(data.get('code') ?? '').slice(0, 20);
  const values = { reference, code };
  const tr = await actionTranslator(lang);
  const fieldErrors: Record<string, string> = {};
  if (!reference.trim()) fieldErrors.reference = 'errors.track.reference';
  if (!code.trim()) fieldErrors.code = 'errors.track.code';
  if (Object.keys(fieldErrors).length) return { fieldErrors: tr.fields(fieldErrors), values };

  const found = await trackApplication(reference, code, await clientAddress());
  if (!found.ok) {
    return found.error === 'limited'
      ? { formError: tr.text('errors.track.limited', { minutes: found.minutes }), values }
      : { formError: tr.text('errors.track.notFound'), values };
  }
  const a = found.application;
  const [t, tStatus, tOutcome, tPerformance, forecast] = await Promise.all([
    getTranslations({ locale: lang, namespace: 'track' }),
    getTranslations({ locale: lang, namespace: 'applicationStatus' }),
    getTranslations({ locale: lang, namespace: 'outcome' }),
    getTranslations({ locale: lang, namespace: 'performance' }),
    a.outcome ? null : loadHolidays().then((holidays) => forecastForApplication({ reference: a.reference }, holidays)),
  ]);
  return {
    values,
    result: {
      heading: t('result', { reference: a.reference }),
      rows: [
        [t('service'), a.service[lang]],
        ...(a.outcome
          ? ([
              [t('status'), tOutcome(a.outcome.decision)],
              [tOutcome(a.outcome.decision === 'revoked' ? 'revokedOn' : 'decidedOn'), a.outcome.on ? formatDay(a.outcome.on, lang) : '—'],
            ] as const)
          : ([
              [t('status'), tStatus(a.status)],
              [t('stage'), a.stage?.[lang] ?? '—'],
              [t('department'), a.department?.[lang] ?? '—'],
              [t('expected'), a.dueAt ? formatDay(a.dueAt, lang) : '—'],
              ...(forecast?.kind === 'history' ? [[tPerformance('likely'), formatDay(forecast.day, lang)] as const] : []),
              ...(forecast?.kind === 'paused' ? [[tPerformance('likely'), tPerformance('pausedClock')] as const] : []),
            ] as const)),
      ],
    },
  };
}
