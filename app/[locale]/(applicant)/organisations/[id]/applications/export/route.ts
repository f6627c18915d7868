import { getTranslations } from 'next-intl/server';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { currentActor } from '@/lib/auth/session';
import { loadHolidays } from '@/lib/deadlines/holiday-calendar';
import { phnomPenhDay } from '@/lib/deadlines/working-days';
import { isLocale, routing } from '@/lib/i18n/routing';
import { csvLine } from '@/lib/organisations/csv';
import { dashboardFilters, organisationApplications } from '@/lib/organisations/dashboard';
import { canInOrganisation } from '@/lib/policy/policy';

type Params = { params: Promise<{ locale: string; id: string }> };

/**
 * The dashboard's applications (with its filters, all pages) as CSV for a spreadsheet: UTF-8 with
 * a byte-order mark so that Excel reads Khmer, dates as YYYY-MM-DD in Phnom Penh.
 */
export async function GET(request: Request, { params }: Params) {
  const { locale: requested, id } = await params;
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  const actor = await currentActor();
  // Only the organisation's own members export, so every reader here is on the applicant's side
  // of every row (openApplication's rule): nothing goes on the files' audit trails. Staff and
  // auditors have no export; one that is added must record each file it carries.
  if (!z.uuid().safeParse(id).success || !canInOrganisation(actor, 'organisation.view', id)) return new NextResponse('Not found', { status: 404 });
  const filters = dashboardFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [t, tStatus, holidays] = await Promise.all([
    getTranslations({ locale, namespace: 'orgDashboard' }),
    getTranslations({ locale, namespace: 'applicationStatus' }),
    loadHolidays(),
  ]);
  const day = (d: Date | null) => (d ? phnomPenhDay(d) : '');
  const header = [t('reference'), t('service'), t('applicant'), t('status'), t('waitingTag'), t('stage'), t('department'), t('daysInStage'), t('stageDue'), t('deadlineFlag'), t('expected')];
  const encoder = new TextEncoder();
  const rows = organisationApplications(id, { ...filters, page: 1 }, holidays);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) return controller.close();
      const a = next.value;
      controller.enqueue(
        encoder.encode(
          csvLine([
            a.reference ?? '',
            a.service[locale],
            a.applicantName,
            tStatus(a.status),
            a.waitingForYou ? t('yes') : '',
            a.stage?.[locale] ?? '',
            a.department?.[locale] ?? '',
            a.daysInStage === null ? '' : String(a.daysInStage),
            day(a.stageDueAt),
            a.flag ? t(`${a.flag}Flag`) : '',
            day(a.expectedDecision),
          ]),
        ),
      );
    },
  });
  return new NextResponse(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="applications-${phnomPenhDay(new Date())}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
