import { defineService } from '../definition';

export const vehicleRegistration = defineService({
  code: 'vehicle-registration',
  referencePrefix: 'VR',
  department: 'land-transport',
  name: { km: 'ការចុះបញ្ជីយានយន្តថ្មី', en: 'Register a new vehicle' },
  summary: {
    km: 'ចុះបញ្ជីម៉ូតូ រថយន្ត ឬរថយន្តដឹកទំនិញថ្មី ដើម្បីទទួលបានប័ណ្ណសម្គាល់យានយន្ត និងស្លាកលេខ។',
    en: 'Register a new motorcycle, car or truck to get its registration card and number plates.',
  },
  whoCanApply: {
    km: 'ម្ចាស់យានយន្តដែលមានអត្តសញ្ញាណប័ណ្ណសញ្ជាតិខ្មែរ ឬក្រុមហ៊ុនដែលបានចុះបញ្ជីនៅកម្ពុជា។',
    en: 'The owner of the vehicle: a person with a Khmer national ID card, or a company registered in Cambodia.',
  },
  applicants: ['person', 'company'],
  legalBasis: {
    km: 'ច្បាប់ស្តីពីចរាចរណ៍ផ្លូវគោក (២០១៥) និងប្រកាសក្រសួងសាធារណការ និងដឹកជញ្ជូន ស្តីពីការចុះបញ្ជីយានយន្ត។',
    en: 'Law on Road Traffic (2015) and the Ministry of Public Works and Transport prakas on vehicle registration.',
  },
  feeRiel: 20_000,
  feeRules: [
    {
      kind: 'by-answer',
      field: 'vehicleType',
      amounts: { motorcycle: 30_000, car: 230_000, truck: 380_000 },
      label: { km: 'ស្លាកលេខ និងប័ណ្ណតាមប្រភេទយានយន្ត', en: 'Plates and card for the vehicle type' },
    },
  ],
  refundIfRefused: 'all-but-base',
  deadlineWorkingDays: 10,
  issues: { km: 'ប័ណ្ណសម្គាល់យានយន្ត', en: 'Vehicle registration card' },
  validityMonths: null,
  conditions: [
    { km: 'ទុកប័ណ្ណនេះនៅក្នុងយានយន្ត ហើយបង្ហាញនៅពេលមានការស្នើសុំពីមន្ត្រីមានសមត្ថកិច្ច។', en: 'Keep this card in the vehicle and show it when an authorized officer asks.' },
  ],
  // The VIN and engine number identify the vehicle; they show only to someone holding the card
  // (numbers are sequential: a public list of them would help clone a vehicle's identity).
  printedAnswers: [
    { field: 'vehicleType', public: true },
    { field: 'make', public: true },
    { field: 'model', public: true },
    { field: 'colour', public: true },
    { field: 'yearOfManufacture', public: true },
    { field: 'vin', public: false },
    { field: 'engineNumber', public: false },
  ],
  // Registered in the owner's province; the first digit says the class: 1 motorcycle, 2 car, 3 truck.
  plate: { provinceFrom: 'ownerAddress', classFrom: 'vehicleType', classDigits: { motorcycle: '1', car: '2', truck: '3' } },
  pages: [
    {
      key: 'vehicle',
      title: { km: 'អំពីយានយន្ត', en: 'About the vehicle' },
      fields: [
        {
          key: 'vehicleType',
          type: 'radios',
          label: { km: 'ប្រភេទយានយន្ត', en: 'Type of vehicle' },
          options: [
            { value: 'motorcycle', label: { km: 'ម៉ូតូ', en: 'Motorcycle' } },
            { value: 'car', label: { km: 'រថយន្ត', en: 'Car' } },
            { value: 'truck', label: { km: 'រថយន្តដឹកទំនិញ', en: 'Truck' } },
          ],
        },
        { key: 'make', type: 'text', label: { km: 'ម៉ាក', en: 'Make' }, hint: { km: 'ឧទាហរណ៍ Toyota', en: 'For example, Toyota' } },
        { key: 'model', type: 'text', label: { km: 'ម៉ូដែល', en: 'Model' } },
        { key: 'yearOfManufacture', type: 'number', label: { km: 'ឆ្នាំផលិត', en: 'Year of manufacture' }, min: 1980, max: 2027, grouping: false },
        {
          key: 'vin',
          type: 'vin',
          label: { km: 'លេខតួ (VIN)', en: 'Vehicle identification number (VIN)' },
          hint: { km: 'លេខ ១៧ ខ្ទង់ នៅលើតួយានយន្ត ឬក្នុងវិក្កយបត្រ', en: 'The 17 characters on the chassis or on the invoice' },
        },
        { key: 'engineNumber', type: 'text', label: { km: 'លេខម៉ាស៊ីន', en: 'Engine number' } },
        { key: 'colour', type: 'text', label: { km: 'ពណ៌', en: 'Colour' } },
      ],
    },
    {
      key: 'acquisition',
      title: { km: 'របៀបដែលអ្នកទទួលបានយានយន្ត', en: 'How you got the vehicle' },
      fields: [
        {
          key: 'acquisition',
          type: 'radios',
          label: { km: 'តើអ្នកទទួលបានយានយន្តនេះដោយរបៀបណា?', en: 'How did you get this vehicle?' },
          options: [
            { value: 'dealer', label: { km: 'ទិញថ្មីពីអ្នកចែកចាយនៅកម្ពុជា', en: 'Bought new from a dealer in Cambodia' } },
            { value: 'imported', label: { km: 'នាំចូលដោយខ្លួនឯង', en: 'Imported it myself' } },
          ],
        },
        {
          key: 'customsDeclarationNumber',
          type: 'text',
          label: { km: 'លេខប្រកាសគយ', en: 'Customs declaration number' },
          showIf: { field: 'acquisition', equals: 'imported' },
        },
        { key: 'purchaseDate', type: 'date', label: { km: 'កាលបរិច្ឆេទទិញ', en: 'Date of purchase' } },
      ],
    },
    {
      key: 'owner',
      title: { km: 'ម្ចាស់យានយន្ត', en: 'The owner' },
      fields: [
        { key: 'ownerNationalId', type: 'national-id', label: { km: 'លេខអត្តសញ្ញាណប័ណ្ណ', en: 'National ID number' } },
        { key: 'ownerAddress', type: 'address', label: { km: 'អាសយដ្ឋានម្ចាស់យានយន្ត', en: "Owner's address" } },
        { key: 'contactMobile', type: 'mobile', label: { km: 'លេខទូរស័ព្ទដៃ', en: 'Mobile number' } },
      ],
    },
  ],
  documents: [
    { key: 'national-id', maxFiles: 2, label: { km: 'អត្តសញ្ញាណប័ណ្ណរបស់ម្ចាស់ (មុខ និងក្រោយ)', en: "Owner's national ID card (front and back)" } },
    { key: 'sales-invoice', label: { km: 'វិក្កយបត្រលក់យានយន្ត', en: 'Sales invoice for the vehicle' } },
    {
      key: 'customs-clearance',
      label: { km: 'លិខិតបញ្ជាក់ការបង់ពន្ធគយ', en: 'Customs clearance certificate' },
      showIf: { field: 'acquisition', equals: 'imported' },
    },
    { key: 'vehicle-photo', maxFiles: 2, label: { km: 'រូបថតយានយន្តពីមុខ និងពីចំហៀង', en: 'Photos of the vehicle from the front and the side' } },
  ],
  stages: [
    { key: 'review', name: { km: 'ការពិនិត្យឯកសារ', en: 'Document review' }, department: 'land-transport', decidedBy: 'clerk', kind: 'review', deadlineWorkingDays: 7 },
    { key: 'approval', name: { km: 'ការអនុម័ត', en: 'Approval' }, department: 'land-transport', decidedBy: 'department_head', kind: 'approval', deadlineWorkingDays: 3 },
  ],
});
