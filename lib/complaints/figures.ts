// Published complaint figures: per department complained about and per month (Phnom Penh) of
// filing, how many complaints came, how many the Inspectorate answered within their 15 working
// days, and how many are still open. A grouped scan of a small table on its department index.
import 'server-only';
import { query } from '@/lib/db/client';

/** Below this many, a figure could point at a person: it is published as "fewer than 5". */
export const smallestPublishedCount = 5;

export interface ComplaintMonth {
  /** Null for complaints that named no department. */
  departmentCode: string | null;
  department: { km: string; en: string } | null;
  /** 'YYYY-MM' in Phnom Penh. */
  month: string;
  /** Null (with `fewerThanFive`) when fewer than five were received. */
  received: number | null;
  answeredOnTime: number | null;
  open: number | null;
  fewerThanFive: boolean;
}

export async function complaintFigures(): Promise<ComplaintMonth[]> {
  const rows = await query<{ code: string | null; nameKm: string | null; nameEn: string | null; month: string; received: number; answeredOnTime: number; open: number }>(
    `select d.code, d."nameKm", d."nameEn", to_char(c."createdAt" + interval '7 hours', 'YYYY-MM') as month,
            count(*)::int as received,
            (count(*) filter (where c."answeredAt" is not null and c."answeredAt" <= c."dueAt"))::int as "answeredOnTime",
            (count(*) filter (where c."answeredAt" is null))::int as open
       from "Complaint" c left join "Department" d on d.id = c."departmentId"
      group by d.code, d."nameKm", d."nameEn", month
      order by month desc, d.code nulls last`,
    [],
  );
  return rows.map((r) => {
    const fewerThanFive = r.received < smallestPublishedCount;
    return {
      departmentCode: r.code,
      department: r.code ? { km: r.nameKm!, en: r.nameEn! } : null,
      month: r.month,
      received: fewerThanFive ? null : r.received,
      answeredOnTime: fewerThanFive ? null : r.answeredOnTime,
      open: fewerThanFive ? null : r.open,
      fewerThanFive,
    };
  });
}
