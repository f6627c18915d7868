import { defineService } from '../definition';

export const vehicleInspectionAppointment = defineService({
  code: 'vehicle-inspection-appointment',
  referencePrefix: 'VI',
  department: 'vehicle-inspection',
  name: { km: 'ការណាត់ត្រួតពិនិត្យលក្ខណៈបច្ចេកទេសយានយន្ត', en: 'Book a vehicle technical inspection' },
  summary: {
    km: 'ណាត់ពេលយកយានយន្តរបស់អ្នកទៅត្រួតពិនិត្យលក្ខណៈបច្ចេកទេសប្រចាំឆ្នាំ។',
    en: "Book a time to bring your vehicle for its periodic technical inspection.",
  },
  whoCanApply: {
    km: 'ម្ចាស់ ឬអ្នកបើកបររថយន្ត និងរថយន្តដឹកទំនិញដែលបានចុះបញ្ជី។',
    en: 'The owner or driver of a registered car, truck or bus.',
  },
  applicants: ['person', 'company'],
  legalBasis: {
    km: 'ច្បាប់ស្តីពីចរាចរណ៍ផ្លូវគោក (២០១៥) និងប្រកាសស្តីពីការត្រួតពិនិត្យលក្ខណៈបច្ចេកទេសយានយន្ត។',
    en: 'Law on Road Traffic (2015) and the prakas on vehicle technical inspection.',
  },
  feeRiel: 0,
  feeRules: [
    {
      kind: 'by-answer',
      field: 'vehicleType',
      amounts: { car: 45_000, truck: 70_000, bus: 70_000 },
      label: { km: 'តម្លៃត្រួតពិនិត្យតាមប្រភេទយានយន្ត', en: 'Inspection fee for the vehicle type' },
    },
  ],
  refundIfRefused: 'full',
  deadlineWorkingDays: 3,
  issues: null,
  validityMonths: null,
  pages: [
    {
      key: 'vehicle',
      title: { km: 'យានយន្តរបស់អ្នក', en: 'Your vehicle' },
      fields: [
        { key: 'plateNumber', type: 'plate', label: { km: 'ស្លាកលេខ', en: 'Plate number' }, hint: { km: 'ឧទាហរណ៍ 2AB-1234', en: 'For example, 2AB-1234' } },
        { key: 'vin', type: 'vin', label: { km: 'លេខតួ (VIN)', en: 'Vehicle identification number (VIN)' } },
        {
          key: 'vehicleType',
          type: 'radios',
          label: { km: 'ប្រភេទយានយន្ត', en: 'Type of vehicle' },
          options: [
            { value: 'car', label: { km: 'រថយន្ត', en: 'Car' } },
            { value: 'truck', label: { km: 'រថយន្តដឹកទំនិញ', en: 'Truck' } },
            { value: 'bus', label: { km: 'រថយន្តដឹកអ្នកដំណើរ', en: 'Bus' } },
          ],
        },
      ],
    },
    {
      key: 'appointment',
      title: { km: 'ពេល និងទីកន្លែង', en: 'When and where' },
      fields: [
        {
          key: 'centre',
          type: 'select',
          label: { km: 'មជ្ឈមណ្ឌលត្រួតពិនិត្យ', en: 'Inspection centre' },
          options: [
            { value: 'phnom-penh', label: { km: 'ភ្នំពេញ', en: 'Phnom Penh' } },
            { value: 'siem-reap', label: { km: 'សៀមរាប', en: 'Siem Reap' } },
            { value: 'battambang', label: { km: 'បាត់ដំបង', en: 'Battambang' } },
            { value: 'preah-sihanouk', label: { km: 'ព្រះសីហនុ', en: 'Preah Sihanouk' } },
          ],
        },
        { key: 'preferredDate', type: 'date', label: { km: 'កាលបរិច្ឆេទដែលអ្នកចង់មក', en: 'Date you would like to come' } },
        { key: 'mobile', type: 'mobile', label: { km: 'លេខទូរស័ព្ទដៃ', en: 'Mobile number' } },
      ],
    },
  ],
  documents: [
    { key: 'registration-card', label: { km: 'ប័ណ្ណសម្គាល់យានយន្ត', en: 'Vehicle registration card' } },
    {
      key: 'previous-inspection',
      label: { km: 'វិញ្ញាបនបត្រត្រួតពិនិត្យលើកមុន', en: 'Previous inspection certificate' },
      required: false,
    },
  ],
  stages: [
    { key: 'booking', name: { km: 'ការបញ្ជាក់ការណាត់', en: 'Appointment confirmation' }, department: 'vehicle-inspection', decidedBy: 'clerk', kind: 'review', deadlineWorkingDays: 3 },
  ],
});
