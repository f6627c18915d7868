// Open data: the monthly performance figures the performance page shows, per service and per
// department, for every month there are figures for. A figure built from fewer than five
// applications is not published: its cell is empty (null in JSON) and the row's fewer_than_5
// column names it, so an empty cell never reads as zero.
import { performanceOverview, type Figure, type MonthFigures } from '@/lib/performance/figures';
import type { Cell, OpenDataset } from './dataset';

const both = (km: string, en: string) => ({ km, en });
const figures = ['received', 'decided', 'approved', 'rejected', 'median_working_days', 'p90_working_days', 'on_time_share', 'forecast_kept_share'] as const;
const source: Record<(typeof figures)[number], keyof MonthFigures> = {
  received: 'received',
  decided: 'decided',
  approved: 'approved',
  rejected: 'rejected',
  median_working_days: 'medianDays',
  p90_working_days: 'p90Days',
  on_time_share: 'onTimeShare',
  forecast_kept_share: 'forecastKeptShare',
};

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export const performanceMonthlyDataset: OpenDataset = {
  name: 'performance-monthly',
  title: both('លទ្ធផលការងារប្រចាំខែ', 'Monthly performance'),
  description: both(
    'ចំនួនពាក្យស្នើសុំដែលបានទទួល និងសម្រេច រយៈពេលសម្រេច (ថ្ងៃធ្វើការ មិនរាប់ថ្ងៃរង់ចាំចម្លើយពីអ្នកដាក់ពាក្យ) និងភាគរយសម្រេចទាន់ពេល តាមសេវា និងតាមនាយកដ្ឋាន ប្រចាំខែ។ តួលេខដែលផ្អែកលើពាក្យស្នើសុំតិចជាង ៥ មិនត្រូវបានផ្សាយទេ។',
    'Applications received and decided, time to decision (working days, not counting days spent waiting for the applicant) and the share decided on time, per service and per department, per month (Phnom Penh time). Figures built from fewer than 5 applications are not published.',
  ),
  fields: [
    { name: 'scope', type: 'string', km: '«service» (សេវា) ឬ «department» (នាយកដ្ឋាន ដែលជាម្ចាស់សេវា)', en: '"service", or "department" (the department that owns the services)' },
    { name: 'code', type: 'string', km: 'លេខកូដសេវា ឬនាយកដ្ឋាន', en: 'Service or department code' },
    { name: 'name_km', type: 'string', km: 'ឈ្មោះ ជាភាសាខ្មែរ', en: 'Name in Khmer' },
    { name: 'name_en', type: 'string', km: 'ឈ្មោះ ជាភាសាអង់គ្លេស', en: 'Name in English' },
    { name: 'month', type: 'string', km: 'ខែ (YYYY-MM)', en: 'Month (YYYY-MM)' },
    { name: 'received', type: 'integer', km: 'ពាក្យស្នើសុំដែលបានដាក់ក្នុងខែ', en: 'Applications filed in the month' },
    { name: 'decided', type: 'integer', km: 'ពាក្យស្នើសុំដែលបានសម្រេចក្នុងខែ', en: 'Applications decided in the month' },
    { name: 'approved', type: 'integer', km: 'ពាក្យដែលបានអនុម័ត ក្នុងចំណោមពាក្យដែលបានសម្រេច', en: 'Of those decided, approved' },
    { name: 'rejected', type: 'integer', km: 'ពាក្យដែលបានបដិសេធ ក្នុងចំណោមពាក្យដែលបានសម្រេច', en: 'Of those decided, rejected' },
    { name: 'median_working_days', type: 'number', km: 'ចំនួនថ្ងៃធ្វើការកណ្តាល (median) ពីការដាក់ពាក្យដល់ការសម្រេច មិនរាប់ថ្ងៃផ្អាក', en: 'Median working days from filing to decision (paused days left out)' },
    { name: 'p90_working_days', type: 'number', km: 'ភាគរយទី ៩០ នៃថ្ងៃធ្វើការ ពីការដាក់ពាក្យដល់ការសម្រេច', en: '90th percentile of working days from filing to decision' },
    { name: 'on_time_share', type: 'number', km: 'ភាគ (០ ដល់ ១) នៃពាក្យដែលបានសម្រេចក្នុងរយៈពេលកំណត់តាមច្បាប់', en: 'Share (0 to 1) of decisions within the legal deadline' },
    { name: 'forecast_kept_share', type: 'number', km: 'ភាគ (០ ដល់ ១) នៃពាក្យដែលបានសម្រេចមុនឬនៅថ្ងៃដែលបានប៉ាន់ស្មាននៅពេលដាក់ពាក្យ', en: 'Share (0 to 1) of decisions made by the date forecast at filing' },
    { name: 'fewer_than_5', type: 'string', km: 'ឈ្មោះវាលដែលទុកទទេ ព្រោះផ្អែកលើពាក្យស្នើសុំតិចជាង ៥ (ចែកដោយដកឃ្លា)', en: 'The fields left empty because they are built from fewer than 5 applications (separated by spaces)' },
  ],
  async rows() {
    const overview = await performanceOverview({ months: 'all' });
    return [...overview.services, ...overview.departments].flatMap((scope) =>
      scope.months.map((m) => {
        const row: Record<string, Cell> = { scope: scope.scope, code: scope.code, name_km: scope.name.km, name_en: scope.name.en, month: m.month };
        const hidden: string[] = [];
        for (const field of figures) {
          const value: Figure = m[source[field]] as Figure;
          if (value === 'fewer-than-5') hidden.push(field);
          row[field] = typeof value === 'number' ? round(value, field.endsWith('share') ? 3 : 1) : null;
        }
        row.fewer_than_5 = hidden.join(' ');
        return row;
      }),
    );
  },
};
