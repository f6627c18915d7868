import { defineService } from '../definition';

export const transportOperatorLicence = defineService({
  code: 'transport-operator-licence',
  referencePrefix: 'TO',
  department: 'logistics',
  name: { km: 'អាជ្ញាប័ណ្ណប្រកបអាជីវកម្មដឹកជញ្ជូន', en: 'Transport operator licence' },
  summary: {
    km: 'អាជ្ញាប័ណ្ណសម្រាប់ក្រុមហ៊ុនដែលដឹកអ្នកដំណើរ ឬទំនិញតាមផ្លូវគោក ដើម្បីរកប្រាក់ចំណូល។',
    en: 'The licence a company needs to carry passengers or freight by road for payment.',
  },
  whoCanApply: {
    km: 'ក្រុមហ៊ុនដែលបានចុះបញ្ជីនៅក្រសួងពាណិជ្ជកម្ម និងមានលេខអត្តសញ្ញាណកម្មសារពើពន្ធ។',
    en: 'Companies registered with the Ministry of Commerce that have a tax identification number.',
  },
  applicants: ['company'],
  legalBasis: {
    km: 'ច្បាប់ស្តីពីចរាចរណ៍ផ្លូវគោក (២០១៥) និងអនុក្រឹត្យស្តីពីការដឹកជញ្ជូនតាមផ្លូវគោក។',
    en: 'Law on Road Traffic (2015) and the sub-decree on land transport services.',
  },
  feeRiel: 200_000,
  feeRules: [
    {
      kind: 'per-unit',
      field: 'fleetSize',
      rielPerUnit: 40_000,
      label: { km: 'ក្នុងមួយយានយន្ត', en: 'Per vehicle in the fleet' },
    },
  ],
  refundIfRefused: 'all-but-base',
  deadlineWorkingDays: 20,
  issues: { km: 'អាជ្ញាប័ណ្ណប្រកបអាជីវកម្មដឹកជញ្ជូន', en: 'Transport operator licence' },
  validityMonths: 36,
  conditions: [
    { km: 'ប្រើតែយានយន្តដែលបានចុះបញ្ជីក្នុងអាជ្ញាប័ណ្ណនេះប៉ុណ្ណោះ។', en: 'Operate only the vehicles registered under this licence.' },
  ],
  // Passengers and shippers check who may operate, what and where: all public.
  printedAnswers: [
    { field: 'companyName', public: true },
    { field: 'operationType', public: true },
    { field: 'fleetSize', public: true },
    { field: 'routes', public: true },
  ],
  pages: [
    {
      key: 'operation',
      title: { km: 'អំពីសេវាដឹកជញ្ជូន', en: 'About the transport service' },
      fields: [
        {
          key: 'operationType',
          type: 'radios',
          label: { km: 'តើអ្នកដឹកអ្វី?', en: 'What will you carry?' },
          options: [
            { value: 'passenger', label: { km: 'អ្នកដំណើរ', en: 'Passengers' } },
            { value: 'freight', label: { km: 'ទំនិញ', en: 'Freight' } },
          ],
        },
        { key: 'companyName', type: 'text', label: { km: 'ឈ្មោះក្រុមហ៊ុន', en: 'Company name' } },
        { key: 'fleetSize', type: 'number', label: { km: 'ចំនួនយានយន្ត', en: 'Number of vehicles' }, min: 1, max: 5_000 },
        {
          key: 'routes',
          type: 'text',
          label: { km: 'ខ្សែផ្លូវ ឬតំបន់ប្រតិបត្តិការ', en: 'Routes or area of operation' },
          hint: { km: 'ឧទាហរណ៍ ភ្នំពេញ - សៀមរាប', en: 'For example, Phnom Penh to Siem Reap' },
        },
      ],
    },
    {
      key: 'depot',
      title: { km: 'ទីតាំងចំណត និងទំនាក់ទំនង', en: 'Depot and contact' },
      fields: [
        { key: 'depotAddress', type: 'address', label: { km: 'អាសយដ្ឋានចំណតយានយន្ត', en: 'Depot address' } },
        { key: 'managerMobile', type: 'mobile', label: { km: 'លេខទូរស័ព្ទអ្នកគ្រប់គ្រង', en: "Manager's mobile number" } },
      ],
    },
  ],
  documents: [
    { key: 'company-registration', label: { km: 'វិញ្ញាបនបត្រចុះបញ្ជីពាណិជ្ជកម្ម', en: 'Commercial registration certificate' } },
    { key: 'tax-registration', label: { km: 'វិញ្ញាបនបត្រចុះបញ្ជីពន្ធដារ', en: 'Tax registration certificate' } },
    { key: 'vehicle-list', label: { km: 'បញ្ជីយានយន្ត និងស្លាកលេខ', en: 'List of vehicles with their plate numbers' } },
    { key: 'insurance', label: { km: 'លិខិតធានារ៉ាប់រងយានយន្ត', en: 'Vehicle insurance certificate' } },
    { key: 'manager-id', maxFiles: 2, label: { km: 'អត្តសញ្ញាណប័ណ្ណអ្នកគ្រប់គ្រង', en: "Manager's national ID card" } },
  ],
  stages: [
    { key: 'review', name: { km: 'ការពិនិត្យឯកសារ', en: 'Document review' }, department: 'logistics', decidedBy: 'clerk', kind: 'review', deadlineWorkingDays: 15 },
    { key: 'approval', name: { km: 'ការអនុម័ត', en: 'Approval' }, department: 'logistics', decidedBy: 'department_head', kind: 'approval', deadlineWorkingDays: 5 },
  ],
});
