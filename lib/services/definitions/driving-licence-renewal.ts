import { defineService } from '../definition';

export const drivingLicenceRenewal = defineService({
  code: 'driving-licence-renewal',
  referencePrefix: 'DL',
  department: 'land-transport',
  name: { km: 'ការបន្តសុពលភាពប័ណ្ណបើកបរ', en: 'Renew a driving licence' },
  summary: {
    km: 'បន្តប័ណ្ណបើកបររបស់អ្នក មុន ឬក្រោយវាផុតសុពលភាព ដោយមិនចាំបាច់ប្រឡងម្តងទៀត។',
    en: 'Renew your driving licence before or after it expires, without taking the test again.',
  },
  whoCanApply: {
    km: 'អ្នកកាន់ប័ណ្ណបើកបរកម្ពុជា ដែលផុតសុពលភាពមិនលើសពី ១ ឆ្នាំ។',
    en: 'Holders of a Cambodian driving licence that expired less than 1 year ago, or has not expired yet.',
  },
  applicants: ['person'],
  legalBasis: {
    km: 'ច្បាប់ស្តីពីចរាចរណ៍ផ្លូវគោក (២០១៥) និងប្រកាសស្តីពីប័ណ្ណបើកបរ។',
    en: 'Law on Road Traffic (2015) and the prakas on driving licences.',
  },
  feeRiel: 28_000,
  refundIfRefused: 'full',
  deadlineWorkingDays: 5,
  issues: { km: 'ប័ណ្ណបើកបរ', en: 'Driving licence' },
  validityMonths: 120,
  conditions: [
    { km: 'បើកបរតែយានយន្តតាមប្រភេទដែលមានចែងក្នុងប័ណ្ណនេះប៉ុណ្ណោះ។', en: 'Drive only vehicles of the categories on this licence.' },
    { km: 'ត្រូវមានប័ណ្ណនេះជាមួយខ្លួនពេលបើកបរ។', en: 'Carry this licence when driving.' },
  ],
  // An officer at the roadside checks the categories; the licence number only with the licence.
  printedAnswers: [
    { field: 'licenceNumber', public: false },
    { field: 'categories', public: true },
  ],
  pages: [
    {
      key: 'licence',
      title: { km: 'ប័ណ្ណបើកបរបច្ចុប្បន្នរបស់អ្នក', en: 'Your current licence' },
      fields: [
        { key: 'licenceNumber', type: 'text', label: { km: 'លេខប័ណ្ណបើកបរ', en: 'Licence number' } },
        {
          key: 'categories',
          type: 'checkboxes',
          label: { km: 'ប្រភេទប័ណ្ណបើកបរ', en: 'Licence categories' },
          hint: { km: 'ជ្រើសរើសទាំងអស់ដែលមាននៅលើប័ណ្ណរបស់អ្នក', en: 'Select all that are on your licence' },
          options: [
            { value: 'a1', label: { km: 'A1 ម៉ូតូក្រោម ១២៥ cc', en: 'A1 motorcycle under 125 cc' } },
            { value: 'a', label: { km: 'A ម៉ូតូ', en: 'A motorcycle' } },
            { value: 'b', label: { km: 'B រថយន្ត', en: 'B car' } },
            { value: 'c', label: { km: 'C រថយន្តដឹកទំនិញ', en: 'C truck' } },
            { value: 'd', label: { km: 'D រថយន្តដឹកអ្នកដំណើរ', en: 'D bus' } },
            { value: 'e', label: { km: 'E រថយន្តអូសរ៉ឺម៉ក', en: 'E vehicle with trailer' } },
          ],
        },
        { key: 'expiryDate', type: 'date', label: { km: 'កាលបរិច្ឆេទផុតសុពលភាព', en: 'Expiry date' } },
      ],
    },
    {
      key: 'holder',
      title: { km: 'អំពីអ្នក', en: 'About you' },
      fields: [
        { key: 'nationalIdNumber', type: 'national-id', label: { km: 'លេខអត្តសញ្ញាណប័ណ្ណ', en: 'National ID number' } },
        { key: 'dateOfBirth', type: 'date', label: { km: 'ថ្ងៃខែឆ្នាំកំណើត', en: 'Date of birth' } },
        { key: 'address', type: 'address', label: { km: 'អាសយដ្ឋាន', en: 'Address' } },
        { key: 'mobile', type: 'mobile', label: { km: 'លេខទូរស័ព្ទដៃ', en: 'Mobile number' } },
      ],
    },
  ],
  documents: [
    { key: 'current-licence', maxFiles: 2, label: { km: 'ប័ណ្ណបើកបរបច្ចុប្បន្ន (មុខ និងក្រោយ)', en: 'Your current licence (front and back)' } },
    { key: 'national-id', maxFiles: 2, label: { km: 'អត្តសញ្ញាណប័ណ្ណ (មុខ និងក្រោយ)', en: 'National ID card (front and back)' } },
    {
      key: 'medical-certificate',
      label: { km: 'លិខិតបញ្ជាក់សុខភាព', en: 'Medical certificate' },
      hint: { km: 'ចេញក្នុងរយៈពេល ៣ ខែចុងក្រោយ', en: 'Issued in the last 3 months' },
    },
    { key: 'photo', label: { km: 'រូបថត ៣x៤ ផ្ទៃខាងក្រោយពណ៌ស', en: 'Photo, 3 x 4 cm, white background' } },
  ],
  stages: [
    { key: 'review', name: { km: 'ការពិនិត្យ និងការអនុម័ត', en: 'Review and approval' }, department: 'land-transport', decidedBy: 'clerk', kind: 'review', deadlineWorkingDays: 5 },
  ],
});
