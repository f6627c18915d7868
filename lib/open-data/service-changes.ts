// The public changelog as open data: one row per change of a published service version.
import { phnomPenhDay } from '@/lib/deadlines/working-days';
import { changelog } from '@/lib/services/changelog';
import type { OpenDataset } from './dataset';

export const serviceChangesDataset: OpenDataset = {
  name: 'service-changes',
  title: { km: 'ការផ្លាស់ប្តូរសេវា', en: 'Changes to services' },
  description: {
    km: 'រាល់ការផ្លាស់ប្តូរដែលបានផ្សព្វផ្សាយលើសេវា (កម្រៃ រយៈពេលកំណត់ មូលដ្ឋានគតិយុត្ត សំណួរ ឯកសារ ដំណាក់កាល) ជាមួយលិខិតបទដ្ឋានគតិយុត្ត និងថ្ងៃចូលជាធរមាន ថ្មីបំផុតមុន។',
    en: 'Every published change to a service (fees, deadlines, legal basis, questions, documents, stages) with its legal instrument and the day it takes effect, newest first.',
  },
  fields: [
    { name: 'service_code', type: 'string', km: 'លេខកូដសេវា', en: 'Service code' },
    { name: 'version', type: 'integer', km: 'កំណែ', en: 'Version' },
    { name: 'published_at', type: 'string', km: 'ពេលវេលាផ្សព្វផ្សាយ (UTC, ISO 8601)', en: 'When it was published (UTC, ISO 8601)' },
    { name: 'effective_from', type: 'date', km: 'ថ្ងៃចូលជាធរមាន (ម៉ោងភ្នំពេញ)', en: 'Day it takes effect (Phnom Penh time)' },
    { name: 'change_km', type: 'string', km: 'ការផ្លាស់ប្តូរ ជាភាសាខ្មែរ', en: 'The change in Khmer' },
    { name: 'change_en', type: 'string', km: 'ការផ្លាស់ប្តូរ ជាភាសាអង់គ្លេស', en: 'The change in English' },
    { name: 'legal_instrument_km', type: 'string', km: 'លិខិតបទដ្ឋានគតិយុត្ត ជាភាសាខ្មែរ', en: 'Legal instrument in Khmer' },
    { name: 'legal_instrument_en', type: 'string', km: 'លិខិតបទដ្ឋានគតិយុត្ត ជាភាសាអង់គ្លេស', en: 'Legal instrument in English' },
  ],
  async rows() {
    return (await changelog()).flatMap((entry) =>
      entry.changes.map((change) => ({
        service_code: entry.code,
        version: entry.version,
        published_at: entry.publishedAt.toISOString(),
        effective_from: phnomPenhDay(entry.effectiveFrom),
        change_km: change.km,
        change_en: change.en,
        legal_instrument_km: entry.legalInstrument?.km ?? null,
        legal_instrument_en: entry.legalInstrument?.en ?? null,
      })),
    );
  },
};
