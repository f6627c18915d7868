// Open data: the service catalogue as published on the service pages (fees, deadlines,
// documents, legal basis), one row per service at its latest published version.
import { publishedFee } from '@/lib/services/published-fee';
import { listPublishedServices } from '@/lib/services/queries';
import type { Locale } from '@/lib/i18n/routing';
import type { OpenDataset } from './dataset';

const both = (km: string, en: string) => ({ km, en });

export const catalogueDataset: OpenDataset = {
  name: 'catalogue',
  title: both('បញ្ជីសេវា', 'Service catalogue'),
  description: both(
    'សេវានីមួយៗរបស់ក្រសួង៖ ក្រសួងឬនាយកដ្ឋានទទួលខុសត្រូវ កម្រៃផ្លូវការ រយៈពេលកំណត់តាមច្បាប់ ឯកសារដែលត្រូវការ និងមូលដ្ឋានគតិយុត្ត។',
    "Each of the ministry's services: the department responsible, the official fee, the legal deadline, the documents needed and the legal basis.",
  ),
  fields: [
    { name: 'code', type: 'string', km: 'លេខកូដសេវា (ស្ថិតស្ថេរ)', en: 'Service code (stable)' },
    { name: 'version', type: 'integer', km: 'កំណែដែលបានផ្សាយចុងក្រោយ', en: 'Latest published version' },
    { name: 'department_code', type: 'string', km: 'លេខកូដនាយកដ្ឋាន', en: 'Department code' },
    { name: 'department_km', type: 'string', km: 'ឈ្មោះនាយកដ្ឋាន ជាភាសាខ្មែរ', en: 'Department name in Khmer' },
    { name: 'department_en', type: 'string', km: 'ឈ្មោះនាយកដ្ឋាន ជាភាសាអង់គ្លេស', en: 'Department name in English' },
    { name: 'name_km', type: 'string', km: 'ឈ្មោះសេវា ជាភាសាខ្មែរ', en: 'Service name in Khmer' },
    { name: 'name_en', type: 'string', km: 'ឈ្មោះសេវា ជាភាសាអង់គ្លេស', en: 'Service name in English' },
    { name: 'fee_riel', type: 'integer', km: 'កម្រៃមូលដ្ឋានផ្លូវការ (រៀល)', en: 'Base official fee (riel)' },
    { name: 'fee_km', type: 'string', km: 'កម្រៃទាំងអស់ ជាភាសាខ្មែរ (ផ្នែកនីមួយៗ ចែកដោយ « ; »)', en: 'Every fee line in Khmer (lines separated by "; ")' },
    { name: 'fee_en', type: 'string', km: 'កម្រៃទាំងអស់ ជាភាសាអង់គ្លេស (ផ្នែកនីមួយៗ ចែកដោយ « ; »)', en: 'Every fee line in English (lines separated by "; ")' },
    { name: 'deadline_working_days', type: 'integer', km: 'រយៈពេលកំណត់តាមច្បាប់ (ថ្ងៃធ្វើការ)', en: 'Legal deadline (working days)' },
    { name: 'documents_km', type: 'string', km: 'ឯកសារដែលត្រូវការ ជាភាសាខ្មែរ (ចែកដោយ « ; »)', en: 'Documents needed in Khmer (separated by "; ")' },
    { name: 'documents_en', type: 'string', km: 'ឯកសារដែលត្រូវការ ជាភាសាអង់គ្លេស (ចែកដោយ « ; »)', en: 'Documents needed in English (separated by "; ")' },
    { name: 'legal_basis_km', type: 'string', km: 'មូលដ្ឋានគតិយុត្ត ជាភាសាខ្មែរ', en: 'Legal basis in Khmer' },
    { name: 'legal_basis_en', type: 'string', km: 'មូលដ្ឋានគតិយុត្ត ជាភាសាអង់គ្លេស', en: 'Legal basis in English' },
  ],
  async rows() {
    const services = await listPublishedServices();
    const fee = (d: Parameters<typeof publishedFee>[0], locale: Locale) =>
      publishedFee(d, locale).map((line) => `${line.label}: ${line.amounts.map((a) => (a.label ? `${a.label} ${a.amount}` : a.amount)).join(', ')}`).join('; ');
    return services.map(({ code, version, department, definition: d }) => ({
      code,
      version,
      department_code: department.code,
      department_km: department.nameKm,
      department_en: department.nameEn,
      name_km: d.name.km,
      name_en: d.name.en,
      fee_riel: d.feeRiel,
      fee_km: fee(d, 'km'),
      fee_en: fee(d, 'en'),
      deadline_working_days: d.deadlineWorkingDays,
      documents_km: d.documents.map((doc) => doc.label.km).join('; '),
      documents_en: d.documents.map((doc) => doc.label.en).join('; '),
      legal_basis_km: d.legalBasis.km,
      legal_basis_en: d.legalBasis.en,
    }));
  },
};
