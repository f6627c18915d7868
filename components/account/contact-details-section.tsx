import { getTranslations } from 'next-intl/server';
import { AccountForm } from '@/components/auth/account-form';
import { Alert } from '@/components/ui/alert';
import { StatusTag } from '@/components/ui/status-tag';
import { contactChannels, contactDetails } from '@/lib/auth/contact-details';
import type { FormState } from '@/lib/forms/form-state';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** What `?contact=` says after one of these forms posted (without JavaScript, by redirect). */
const outcomes = ['sent', 'unchanged', 'email', 'sms'] as const;
const isOutcome = (value: unknown): value is (typeof outcomes)[number] => (outcomes as readonly unknown[]).includes(value);

/**
 * The account's email address and mobile number, each confirmed or not, a new one waiting for its
 * code, and a form to add or change each (folded away until asked for; works without JavaScript).
 */
export async function ContactDetailsSection({ userId, hasPassword, outcome, requestChange, confirm }: {
  userId: string;
  /** The change form then asks for it (lib/auth/contact-details.ts says why). */
  hasPassword: boolean;
  outcome?: string;
  requestChange: Record<'email' | 'sms', Action>;
  confirm: Record<'email' | 'sms', Action>;
}) {
  const [t, tErrors, tPassword, details] = await Promise.all([getTranslations('contactDetails'), getTranslations('errors'), getTranslations('changePassword'), contactDetails(userId)]);
  const formTexts = { summaryTitle: tErrors('summaryTitle'), errorPrefix: tErrors('errorPrefix') };
  return (
    <section aria-labelledby="contact-details" className="mb-8">
      <h2 id="contact-details" className="mb-3 text-2xl font-bold">{t('title')}</h2>
      {isOutcome(outcome) ? (
        <Alert tone={outcome === 'unchanged' ? 'info' : 'success'} title={outcome === 'email' || outcome === 'sms' ? t('confirmed', { channel: outcome }) : t(outcome === 'sent' ? 'codeSent' : 'unchanged')} />
      ) : null}
      <p className="mb-4 max-w-2xl">{t('lead')}</p>
      {contactChannels.map((channel) => {
        const { address, verified, waiting } = details[channel];
        return (
          <div key={channel} className="mb-6 border-l-4 border-brand-700 pl-3">
            <h3 className="text-xl font-bold">{t(channel)}</h3>
            <p className="mb-2 flex flex-wrap items-center gap-2">
              <span className="break-all">{address ?? t('none')}</span>
              {address ? <StatusTag tone={verified ? 'green' : 'amber'}>{t(verified ? 'verified' : 'notVerified')}</StatusTag> : null}
            </p>
            {waiting ? (
              <>
                <p className="mb-3 max-w-2xl">{t(address && verified ? 'waiting' : 'waitingNone', { address: waiting })}</p>
                <AccountForm
                  action={confirm[channel]}
                  idPrefix={`${channel}-`}
                  fields={[{ name: 'code', label: t('code'), hint: t('codeHint', { address: waiting }), autoComplete: 'one-time-code', numeric: true }]}
                  submit={t('confirm')}
                  {...formTexts}
                />
              </>
            ) : null}
            <details className="mt-3">
              <summary className="cursor-pointer font-bold text-brand-700 underline">{t(address ? 'change' : 'add')}<span className="sr-only"> ({t(channel)})</span></summary>
              <div className="mt-3">
                <AccountForm
                  action={requestChange[channel]}
                  idPrefix={`${channel}-new-`}
                  fields={[{
                    name: 'address',
                    label: t(channel === 'email' ? 'newEmail' : 'newSms'),
                    hint: t(channel === 'email' ? 'newEmailHint' : 'newSmsHint'),
                    type: channel === 'email' ? 'email' : 'tel',
                    autoComplete: channel === 'email' ? 'email' : 'tel',
                  }, ...(hasPassword ? [{
                    name: 'currentPassword',
                    label: tPassword('currentPassword'),
                    hint: t('passwordHint'),
                    type: 'password' as const,
                    autoComplete: 'current-password',
                  }] : [])]}
                  submit={t('sendCode')}
                  secondary
                  {...formTexts}
                />
              </div>
            </details>
          </div>
        );
      })}
    </section>
  );
}
