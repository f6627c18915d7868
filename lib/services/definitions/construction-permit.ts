import { defineService } from '../definition';

export const constructionPermit = defineService({
  code: 'construction-permit',
  referencePrefix: 'CP',
  department: 'public-works',
  name: { km: 'លិខិតអនុញ្ញាតសាងសង់', en: 'Construction permit' },
  summary: {
    km: 'សុំការអនុញ្ញាតមុនពេលសាងសង់ ពង្រីក ឬកែលម្អអគារ។ ពាក្យរបស់អ្នកឆ្លងកាត់ការទទួល ការពិនិត្យបច្ចេកទេស ការចុះត្រួតពិនិត្យទីតាំង និងការអនុម័ត។',
    en: 'Get permission before you build, extend or alter a building. Your application passes intake, technical review, a site inspection and approval.',
  },
  whoCanApply: {
    km: 'ម្ចាស់ដី ឬអ្នកដែលម្ចាស់ដីបានផ្ទេរសិទ្ធិជាលាយលក្ខណ៍អក្សរ ទាំងបុគ្គល និងក្រុមហ៊ុន។',
    en: 'The landowner, or a person or company the landowner has authorised in writing.',
  },
  applicants: ['person', 'company'],
  legalBasis: {
    km: 'ច្បាប់ស្តីពីសំណង់ (២០១៩) និងអនុក្រឹត្យស្តីពីលិខិតអនុញ្ញាតសាងសង់។',
    en: 'Law on Construction (2019) and the sub-decree on construction permits.',
  },
  feeRiel: 100_000,
  feeRules: [
    {
      kind: 'per-unit',
      field: 'floorArea',
      rielPerUnit: 2_000,
      label: { km: 'តាមផ្ទៃក្រឡាកម្រាល (ក្នុងមួយម៉ែត្រការ៉េ)', en: 'By floor area (per square metre)' },
    },
  ],
  refundIfRefused: 'all-but-base',
  deadlineWorkingDays: 45,
  issues: { km: 'លិខិតអនុញ្ញាតសាងសង់', en: 'Construction permit' },
  validityMonths: 24,
  conditions: [
    { km: 'សាងសង់តែតាមប្លង់ដែលបានអនុម័តប៉ុណ្ណោះ។', en: 'Build only as shown in the approved drawings.' },
    { km: 'ដាក់លិខិតអនុញ្ញាតនេះនៅការដ្ឋាន ដើម្បីបង្ហាញពេលមានការត្រួតពិនិត្យ។', en: 'Keep this permit on the site and show it at every inspection.' },
  ],
  // What neighbours and inspectors check on site is public; the land title only with the permit.
  printedAnswers: [
    { field: 'siteAddress', public: true },
    { field: 'buildingUse', public: true },
    { field: 'floors', public: true },
    { field: 'floorArea', public: true },
    { field: 'landTitleNumber', public: false },
  ],
  pages: [
    {
      key: 'project',
      title: { km: 'អំពីគម្រោង', en: 'About the project' },
      fields: [
        { key: 'projectName', type: 'text', label: { km: 'ឈ្មោះគម្រោង', en: 'Project name' } },
        {
          key: 'buildingUse',
          type: 'select',
          label: { km: 'ការប្រើប្រាស់អគារ', en: 'What the building will be used for' },
          options: [
            { value: 'residential', label: { km: 'លំនៅដ្ឋាន', en: 'Housing' } },
            { value: 'commercial', label: { km: 'ពាណិជ្ជកម្ម', en: 'Commercial' } },
            { value: 'industrial', label: { km: 'ឧស្សាហកម្ម', en: 'Industrial' } },
            { value: 'mixed', label: { km: 'ចម្រុះ', en: 'Mixed use' } },
          ],
        },
        { key: 'floors', type: 'number', label: { km: 'ចំនួនជាន់', en: 'Number of floors' }, min: 1, max: 80 },
        { key: 'floorArea', type: 'number', label: { km: 'ផ្ទៃក្រឡាកម្រាលសរុប (ម៉ែត្រការ៉េ)', en: 'Total floor area (square metres)' }, min: 1, max: 1_000_000 },
      ],
    },
    {
      key: 'site',
      title: { km: 'ទីតាំងដី', en: 'The site' },
      fields: [
        { key: 'siteAddress', type: 'address', label: { km: 'អាសយដ្ឋានទីតាំង', en: 'Site address' } },
        { key: 'landTitleNumber', type: 'text', label: { km: 'លេខប័ណ្ណកម្មសិទ្ធិដី', en: 'Land title number' } },
        { key: 'landArea', type: 'number', label: { km: 'ទំហំដី (ម៉ែត្រការ៉េ)', en: 'Land area (square metres)' }, min: 1, max: 10_000_000 },
      ],
    },
    {
      key: 'professionals',
      title: { km: 'អ្នកទទួលខុសត្រូវលើការរចនា', en: 'Who is responsible for the design' },
      fields: [
        { key: 'architectName', type: 'text', label: { km: 'ឈ្មោះស្ថាបត្យករ', en: "Architect's name" } },
        { key: 'engineerLicenceNumber', type: 'text', label: { km: 'លេខអាជ្ញាប័ណ្ណវិស្វករ', en: "Engineer's licence number" } },
        { key: 'contactMobile', type: 'mobile', label: { km: 'លេខទូរស័ព្ទទំនាក់ទំនង', en: 'Contact mobile number' } },
      ],
    },
  ],
  documents: [
    { key: 'land-title', label: { km: 'ប័ណ្ណកម្មសិទ្ធិដី', en: 'Land title certificate' } },
    { key: 'architectural-drawings', maxFiles: 10, label: { km: 'ប្លង់ស្ថាបត្យកម្ម', en: 'Architectural drawings' } },
    { key: 'structural-drawings', maxFiles: 10, label: { km: 'ប្លង់រចនាសម្ព័ន្ធ', en: 'Structural drawings' } },
    { key: 'site-plan', label: { km: 'ប្លង់ទីតាំង', en: 'Site plan' } },
    { key: 'applicant-id', maxFiles: 2, label: { km: 'អត្តសញ្ញាណប័ណ្ណ ឬវិញ្ញាបនបត្រចុះបញ្ជីក្រុមហ៊ុន', en: 'National ID card or company registration certificate' } },
    {
      key: 'environmental-assessment',
      label: { km: 'របាយការណ៍វាយតម្លៃហេតុប៉ះពាល់បរិស្ថាន', en: 'Environmental impact assessment' },
      showIf: { field: 'buildingUse', equals: 'industrial' },
    },
  ],
  stages: [
    { key: 'intake', name: { km: 'ការទទួលពាក្យ', en: 'Intake' }, department: 'public-works', decidedBy: 'clerk', kind: 'review', deadlineWorkingDays: 5 },
    { key: 'technical-review', name: { km: 'ការពិនិត្យបច្ចេកទេស', en: 'Technical review' }, department: 'construction', decidedBy: 'clerk', kind: 'review', deadlineWorkingDays: 20 },
    { key: 'site-inspection', name: { km: 'ការចុះត្រួតពិនិត្យទីតាំង', en: 'Site inspection' }, department: 'inspection', decidedBy: 'clerk', kind: 'inspection', deadlineWorkingDays: 10 },
    { key: 'approval', name: { km: 'ការអនុម័តដោយប្រធាននាយកដ្ឋាន', en: 'Approval by the head of department' }, department: 'public-works', decidedBy: 'department_head', kind: 'approval', deadlineWorkingDays: 10 },
  ],
});
