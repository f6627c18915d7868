import type { OpenDataset } from '@/lib/open-data/dataset';
import { satisfactionFigures } from './figures';

const withheld = { km: 'ទទេ នៅពេលមានការវាយតម្លៃតិចជាង ៥', en: 'empty when fewer than 5 rated' };

export const satisfactionMonthly: OpenDataset = {
  name: 'satisfaction-monthly',
  title: { km: 'ការពេញចិត្តតាមសេវា និងតាមខែ', en: 'Satisfaction per service and month' },
  description: {
    km: 'ពិន្ទុមធ្យម (១ ដល់ ៥) ដែលអ្នកដាក់ពាក្យបានផ្តល់ឱ្យសេវានីមួយៗ បន្ទាប់ពីការសម្រេច តាមខែ (ម៉ោងភ្នំពេញ)។ មតិយោបល់មិនត្រូវបានបោះពុម្ពទេ។ ខែដែលមានការវាយតម្លៃតិចជាង ៥ មិនបង្ហាញតួលេខទេ។',
    en: 'The average score (1 to 5) applicants gave each service after its decision, by month (Phnom Penh time). Comments are never published. Months with fewer than 5 ratings show no figures.',
  },
  fields: [
    { name: 'month', type: 'string', km: 'ខែនៃការវាយតម្លៃ (YYYY-MM)', en: 'Month rated (YYYY-MM)' },
    { name: 'service_code', type: 'string', km: 'កូដសេវា', en: 'Service code' },
    { name: 'service_km', type: 'string', km: 'ឈ្មោះសេវាជាភាសាខ្មែរ', en: 'Service name in Khmer' },
    { name: 'service_en', type: 'string', km: 'ឈ្មោះសេវាជាភាសាអង់គ្លេស', en: 'Service name in English' },
    { name: 'fewer_than_5', type: 'boolean', km: 'ពិត នៅពេលមានការវាយតម្លៃតិចជាង ៥ (តួលេខមិនត្រូវបានបោះពុម្ព)', en: 'True when fewer than 5 rated (figures withheld)' },
    { name: 'ratings', type: 'integer', km: `ចំនួនការវាយតម្លៃ (${withheld.km})`, en: `Number of ratings (${withheld.en})` },
    { name: 'average_score', type: 'number', km: `ពិន្ទុមធ្យម ១ ដល់ ៥ ខ្ទង់ទសភាគមួយ (${withheld.km})`, en: `Average score from 1 to 5, one decimal (${withheld.en})` },
  ],
  async rows() {
    return (await satisfactionFigures()).map((f) => ({
      month: f.month,
      service_code: f.serviceCode,
      service_km: f.service.km,
      service_en: f.service.en,
      fewer_than_5: f.fewerThanFive,
      ratings: f.ratings,
      average_score: f.average,
    }));
  },
};
