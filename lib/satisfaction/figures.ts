// Published satisfaction: the monthly average score per service (never a comment), and "fewer
// than 5" where fewer than five people rated it that month. A grouped scan of a small table.
import 'server-only';
import { smallestPublishedCount } from '@/lib/complaints/figures';
import { query } from '@/lib/db/client';

export interface SatisfactionMonth {
  serviceCode: string;
  service: { km: string; en: string };
  /** 'YYYY-MM' in Phnom Penh, by the day the rating was given. */
  month: string;
  /** Null (with `fewerThanFive`) when fewer than five rated. */
  ratings: number | null;
  /** The mean score, to one decimal. */
  average: number | null;
  fewerThanFive: boolean;
}

export async function satisfactionFigures(): Promise<SatisfactionMonth[]> {
  const rows = await query<{ code: string; nameKm: string; nameEn: string; month: string; ratings: number; average: number }>(
    `select s.code, v."nameKm", v."nameEn", r.month, r.ratings, r.average
       from (select "serviceId", to_char("createdAt" + interval '7 hours', 'YYYY-MM') as month,
                    count(*)::int as ratings, round(avg(score), 1)::float8 as average
               from "SatisfactionRating" group by "serviceId", month) r
       join "Service" s on s.id = r."serviceId"
       cross join lateral (select "nameKm", "nameEn" from "ServiceVersion" sv where sv."serviceId" = s.id order by sv.version desc limit 1) v
      order by r.month desc, s.code`,
    [],
  );
  return rows.map((r) => {
    const fewerThanFive = r.ratings < smallestPublishedCount;
    return {
      serviceCode: r.code,
      service: { km: r.nameKm, en: r.nameEn },
      month: r.month,
      ratings: fewerThanFive ? null : r.ratings,
      average: fewerThanFive ? null : r.average,
      fewerThanFive,
    };
  });
}
