// Public holidays with a fixed date, seeded for the current and next year. Holidays that follow
// the lunar calendar (Visak Bochea, the Royal Ploughing Ceremony, Pchum Ben, the Water Festival)
// move every year: the ministry adds them to the Holiday table when the annual sub-decree is
// published, so they are not guessed here.
const fixed = [
  { monthDay: '01-01', nameKm: 'ទិវាចូលឆ្នាំសកល', nameEn: "International New Year's Day" },
  { monthDay: '01-07', nameKm: 'ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍', nameEn: 'Victory over Genocide Day' },
  { monthDay: '03-08', nameKm: 'ទិវានារីអន្តរជាតិ', nameEn: "International Women's Day" },
  { monthDay: '04-14', nameKm: 'ពិធីបុណ្យចូលឆ្នាំថ្មីប្រពៃណីជាតិ', nameEn: 'Khmer New Year' },
  { monthDay: '04-15', nameKm: 'ពិធីបុណ្យចូលឆ្នាំថ្មីប្រពៃណីជាតិ', nameEn: 'Khmer New Year' },
  { monthDay: '04-16', nameKm: 'ពិធីបុណ្យចូលឆ្នាំថ្មីប្រពៃណីជាតិ', nameEn: 'Khmer New Year' },
  { monthDay: '05-01', nameKm: 'ទិវាពលកម្មអន្តរជាតិ', nameEn: 'International Labour Day' },
  { monthDay: '05-14', nameKm: 'ព្រះរាជពិធីបុណ្យចម្រើនព្រះជន្ម ព្រះមហាក្សត្រ', nameEn: "King's Birthday" },
  { monthDay: '06-18', nameKm: 'ព្រះរាជពិធីបុណ្យចម្រើនព្រះជន្ម សម្តេចព្រះមហាក្សត្រី ព្រះវររាជមាតា', nameEn: "Queen Mother's Birthday" },
  { monthDay: '09-24', nameKm: 'ទិវាប្រកាសរដ្ឋធម្មនុញ្ញ', nameEn: 'Constitution Day' },
  { monthDay: '10-15', nameKm: 'ទិវាប្រារព្ធពិធីគោរពព្រះវិញ្ញាណក្ខន្ធ ព្រះបរមរតនកោដ្ឋ', nameEn: 'Commemoration Day of King Norodom Sihanouk' },
  { monthDay: '10-29', nameKm: 'ព្រះរាជពិធីគ្រងព្រះបរមរាជសម្បត្តិ', nameEn: 'Coronation Day of King Norodom Sihamoni' },
  { monthDay: '11-09', nameKm: 'ពិធីបុណ្យឯករាជ្យជាតិ', nameEn: 'Independence Day' },
  { monthDay: '12-29', nameKm: 'ទិវាសន្តិភាពនៅកម្ពុជា', nameEn: 'Peace Day in Cambodia' },
];

export function fixedHolidays(years: number[]) {
  return years.flatMap((year) => fixed.map((h) => ({ date: new Date(`${year}-${h.monthDay}T00:00:00Z`), nameKm: h.nameKm, nameEn: h.nameEn })));
}
