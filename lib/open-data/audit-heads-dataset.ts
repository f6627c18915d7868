// The audit chain's published heads as open data: one row per day, kept for good, so that
// anyone can keep a copy and check it later with `npm run audit:verify -- --head <hash>`.
import { latestAuditHeads } from '@/lib/audit/audit-heads';
import type { OpenDataset } from './dataset';

export const auditHeadsDataset: OpenDataset = {
  name: 'audit-heads',
  title: { km: 'ក្បាលខ្សែសង្វាក់សវនកម្មប្រចាំថ្ងៃ', en: 'Daily heads of the audit chain' },
  description: {
    km: 'រៀងរាល់ថ្ងៃ ក្រសួងផ្សព្វផ្សាយចំនួនព្រឹត្តិការណ៍ក្នុងបញ្ជីសវនកម្ម និងហាស (hash) នៃព្រឹត្តិការណ៍ចុងក្រោយ។ អ្នកណាដែលរក្សាទុកជួរមួយ អាចពិនិត្យនៅពេលក្រោយថា ប្រវត្តិមិនត្រូវបានសរសេរឡើងវិញ។',
    en: 'Each day the ministry publishes how many events its audit trail holds and the hash of the last one. Anyone who keeps a row can check later that the history was not rewritten.',
  },
  fields: [
    { name: 'day', type: 'date', km: 'ថ្ងៃផ្សព្វផ្សាយ (ម៉ោងភ្នំពេញ)', en: 'Day published for (Phnom Penh time)' },
    { name: 'events', type: 'integer', km: 'ចំនួនព្រឹត្តិការណ៍ក្នុងខ្សែសង្វាក់ នៅពេលផ្សព្វផ្សាយ', en: 'Events in the chain when published' },
    { name: 'hash', type: 'string', km: 'ហាស SHA-256 នៃព្រឹត្តិការណ៍ចុងក្រោយ', en: 'SHA-256 hash of the last event' },
    { name: 'published_at', type: 'string', km: 'ពេលវេលាផ្សព្វផ្សាយ (UTC, ISO 8601)', en: 'When it was published (UTC, ISO 8601)' },
  ],
  async rows() {
    const heads = await latestAuditHeads(10_000);
    return heads.map((h) => ({ day: h.day, events: h.position, hash: h.hash, published_at: h.publishedAt.toISOString() }));
  },
};
