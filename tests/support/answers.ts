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

// Complete answers for a construction permit for housing (no environmental assessment asked).
export const permitAnswers = {
  projectName: 'Five-storey housing',
  buildingUse: 'residential',
  floors: 5,
  floorArea: 1200,
  siteAddress: { province: 'phnom-penh', district: 'Tuol Kouk', line: '' },
  landTitleNumber: '12020304-0012',
  landArea: 400,
  architectName: 'Heng Visal',
  engineerLicenceNumber: 'ENG-2211',
  contactMobile: '+85511222333',
};
