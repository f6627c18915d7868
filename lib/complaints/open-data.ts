import type { OpenDataset } from '@/lib/open-data/dataset';
import { complaintFigures } from './figures';

const withheld = { km: 'ទទេ នៅពេលទទួលបានតិចជាង ៥', en: 'empty when fewer than 5 were received' };

export const complaintsMonthly: OpenDataset = {
  name: 'complaints-monthly',
  title: { km: 'បណ្តឹងតាមនាយកដ្ឋាន និងតាមខែ', en: 'Complaints per department and month' },
  description: {
    km: 'បណ្តឹងដែលអគ្គាធិការដ្ឋានបានទទួលអំពីនាយកដ្ឋាននីមួយៗ តាមខែដាក់ (ម៉ោងភ្នំពេញ)៖ ចំនួនទទួល ចំនួនឆ្លើយទាន់ពេល (ក្នុង ១៥ ថ្ងៃធ្វើការ) និងចំនួននៅបើក។ ខែដែលទទួលបានតិចជាង ៥ មិនបង្ហាញតួលេខទេ។',
    en: 'Complaints the General Inspectorate received about each department, by month filed (Phnom Penh time): received, answered on time (within 15 working days) and still open. Months with fewer than 5 complaints show no figures.',
  },
  fields: [
    { name: 'month', type: 'string', km: 'ខែដាក់បណ្តឹង (YYYY-MM)', en: 'Month filed (YYYY-MM)' },
    { name: 'department_code', type: 'string', km: 'កូដនាយកដ្ឋានដែលត្រូវបានប្តឹង (ទទេ បើមិនបានបញ្ជាក់)', en: 'Code of the department complained about (empty when none was named)' },
    { name: 'department_km', type: 'string', km: 'ឈ្មោះនាយកដ្ឋានជាភាសាខ្មែរ', en: 'Department name in Khmer' },
    { name: 'department_en', type: 'string', km: 'ឈ្មោះនាយកដ្ឋានជាភាសាអង់គ្លេស', en: 'Department name in English' },
    { name: 'fewer_than_5', type: 'boolean', km: 'ពិត នៅពេលទទួលបានតិចជាង ៥ (តួលេខមិនត្រូវបានបោះពុម្ព)', en: 'True when fewer than 5 were received (figures withheld)' },
    { name: 'received', type: 'integer', km: `បណ្តឹងដែលបានទទួល (${withheld.km})`, en: `Complaints received (${withheld.en})` },
    { name: 'answered_on_time', type: 'integer', km: `បណ្តឹងដែលបានឆ្លើយក្នុងរយៈពេលកំណត់ (${withheld.km})`, en: `Complaints answered by their deadline (${withheld.en})` },
    { name: 'open', type: 'integer', km: `បណ្តឹងដែលមិនទាន់ឆ្លើយ (${withheld.km})`, en: `Complaints not yet answered (${withheld.en})` },
  ],
  async rows() {
    return (await complaintFigures()).map((f) => ({
      month: f.month,
      department_code: f.departmentCode,
      department_km: f.department?.km ?? null,
      department_en: f.department?.en ?? null,
      fewer_than_5: f.fewerThanFive,
      received: f.received,
      answered_on_time: f.answeredOnTime,
      open: f.open,
    }));
  },
};
