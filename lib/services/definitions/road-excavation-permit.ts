import { defineService } from '../definition';

export const roadExcavationPermit = defineService({
  code: 'road-excavation-permit',
  referencePrefix: 'RW',
  department: 'public-works',
  name: { km: 'លិខិតអនុញ្ញាតជីកកាយលើដីចំណីផ្លូវជាតិ', en: 'Permit to dig in a national road right-of-way' },
  summary: {
    km: 'សុំការអនុញ្ញាតមុនពេលដាក់ ឬជួសជុលបណ្តាញទឹក អគ្គិសនី ទូរគមនាគមន៍ ឬលូ នៅក្នុងដីចំណីផ្លូវជាតិ។',
    en: 'Get permission before you lay or repair water, power, telecom or drainage lines in a national road right-of-way.',
  },
  whoCanApply: {
    km: 'ក្រុមហ៊ុនផ្គត់ផ្គង់សេវាសាធារណៈ និងម៉ៅការរបស់ពួកគេ ដែលមានអាជ្ញាប័ណ្ណ។',
    en: 'Licensed utility companies and their contractors.',
  },
  applicants: ['company'],
  legalBasis: {
    km: 'ច្បាប់ស្តីពីផ្លូវថ្នល់ (២០១៤) និងប្រកាសស្តីពីការប្រើប្រាស់ដីចំណីផ្លូវ។',
    en: 'Law on Roads (2014) and the prakas on the use of the road right-of-way.',
  },
  feeRiel: 200_000,
  feeRules: [
    {
      kind: 'per-unit',
      field: 'excavationLength',
      rielPerUnit: 5_000,
      label: { km: 'ក្នុងមួយម៉ែត្រនៃការជីកកាយ', en: 'Per metre dug' },
    },
  ],
  refundIfRefused: 'all-but-base',
  deadlineWorkingDays: 15,
  issues: { km: 'លិខិតអនុញ្ញាតជីកកាយ', en: 'Excavation permit' },
  validityMonths: 6,
  conditions: [
    { km: 'ត្រូវបិទរបាំង និងសញ្ញាសុវត្ថិភាពជុំវិញកន្លែងជីក។', en: 'Fence and sign the excavation for safety.' },
    { km: 'ត្រូវជួសជុលផ្ទៃផ្លូវឱ្យដូចដើមវិញ ក្នុងរយៈពេលសុពលភាពនៃលិខិតអនុញ្ញាត។', en: 'Restore the road surface before this permit expires.' },
  ],
  // People living along the road check who digs where and until when: all public.
  printedAnswers: [
    { field: 'utilityType', public: true },
    { field: 'contractorName', public: true },
    { field: 'roadNumber', public: true },
    { field: 'province', public: true },
    { field: 'excavationLength', public: true },
    { field: 'startDate', public: true },
    { field: 'durationDays', public: true },
  ],
  pages: [
    {
      key: 'works',
      title: { km: 'អំពីការងារ', en: 'About the works' },
      fields: [
        {
          key: 'utilityType',
          type: 'select',
          label: { km: 'ប្រភេទបណ្តាញ', en: 'Type of utility' },
          options: [
            { value: 'water', label: { km: 'ទឹកស្អាត', en: 'Water' } },
            { value: 'electricity', label: { km: 'អគ្គិសនី', en: 'Electricity' } },
            { value: 'telecom', label: { km: 'ទូរគមនាគមន៍', en: 'Telecommunications' } },
            { value: 'drainage', label: { km: 'លូបង្ហូរទឹក', en: 'Drainage' } },
          ],
        },
        { key: 'worksDescription', type: 'text', label: { km: 'ការពិពណ៌នាការងារ', en: 'Description of the works' } },
        { key: 'contractorName', type: 'text', label: { km: 'ឈ្មោះក្រុមហ៊ុនម៉ៅការ', en: 'Contractor' } },
      ],
    },
    {
      key: 'location',
      title: { km: 'ទីតាំង និងរយៈពេល', en: 'Where and when' },
      fields: [
        { key: 'roadNumber', type: 'text', label: { km: 'លេខផ្លូវជាតិ', en: 'National road number' }, hint: { km: 'ឧទាហរណ៍ ៥', en: 'For example, 5' } },
        { key: 'province', type: 'address', label: { km: 'ខេត្ត និងស្រុក', en: 'Province and district' } },
        { key: 'excavationLength', type: 'number', label: { km: 'ប្រវែងជីកកាយ (ម៉ែត្រ)', en: 'Length to dig (metres)' }, min: 1, max: 100_000 },
        { key: 'startDate', type: 'date', label: { km: 'ថ្ងៃចាប់ផ្តើម', en: 'Start date' } },
        { key: 'durationDays', type: 'number', label: { km: 'រយៈពេល (ថ្ងៃ)', en: 'Duration (days)' }, min: 1, max: 365 },
      ],
    },
  ],
  documents: [
    { key: 'route-plan', label: { km: 'ប្លង់ខ្សែបណ្តាញ', en: 'Plan of the route' } },
    { key: 'traffic-plan', label: { km: 'ផែនការគ្រប់គ្រងចរាចរណ៍', en: 'Traffic management plan' } },
    { key: 'utility-licence', label: { km: 'អាជ្ញាប័ណ្ណក្រុមហ៊ុនផ្គត់ផ្គង់សេវា', en: "Utility company's licence" } },
    { key: 'reinstatement-guarantee', label: { km: 'លិខិតធានាការជួសជុលផ្លូវឡើងវិញ', en: 'Guarantee to restore the road' } },
  ],
  stages: [
    { key: 'review', name: { km: 'ការពិនិត្យឯកសារ', en: 'Document review' }, department: 'public-works', decidedBy: 'clerk', kind: 'review', deadlineWorkingDays: 7 },
    { key: 'site-inspection', name: { km: 'ការចុះត្រួតពិនិត្យទីតាំង', en: 'Site inspection' }, department: 'public-works', decidedBy: 'clerk', kind: 'inspection', deadlineWorkingDays: 5 },
    { key: 'approval', name: { km: 'ការអនុម័តដោយប្រធាននាយកដ្ឋាន', en: 'Approval by the head of department' }, department: 'public-works', decidedBy: 'department_head', kind: 'approval', deadlineWorkingDays: 3 },
  ],
});
