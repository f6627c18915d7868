// Complete answers for a driving licence renewal, as its question pages save them.
export const renewalAnswers = {
  licenceNumber: 'PP-0123456',
  categories: ['b'],
  expiryDate: '2026-12-31',
  nationalIdNumber: '010234567',
  dateOfBirth: '1990-02-28',
  address: { province: 'siem-reap', district: 'Siem Reap', line: '' },
  mobile: '+85512345678',
};
