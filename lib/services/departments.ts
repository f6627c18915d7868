// The ministry's departments that own services or stages. Seeded; managed from screens later.
export const departments = [
  { code: 'land-transport', nameKm: 'អគ្គនាយកដ្ឋានដឹកជញ្ជូនផ្លូវគោក', nameEn: 'General Department of Land Transport' },
  { code: 'public-works', nameKm: 'អគ្គនាយកដ្ឋានសាធារណការ', nameEn: 'General Department of Public Works' },
  { code: 'construction', nameKm: 'នាយកដ្ឋានគ្រប់គ្រងសំណង់', nameEn: 'Department of Construction Management' },
  { code: 'inspection', nameKm: 'អគ្គាធិការដ្ឋាន', nameEn: 'General Inspectorate' },
  { code: 'logistics', nameKm: 'អគ្គនាយកដ្ឋានភស្តុភារ', nameEn: 'General Department of Logistics' },
  { code: 'vehicle-inspection', nameKm: 'នាយកដ្ឋានត្រួតពិនិត្យលក្ខណៈបច្ចេកទេសយានយន្ត', nameEn: 'Department of Vehicle Technical Inspection' },
] as const;

export type DepartmentCode = (typeof departments)[number]['code'];

/**
 * The General Inspectorate: complaints and the last step of escalation go to its staff, never
 * to the department a complaint or a late file is about.
 */
export const inspectorateCode = 'inspection' satisfies DepartmentCode;
