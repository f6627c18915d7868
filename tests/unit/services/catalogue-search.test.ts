import { describe, expect, it } from 'vitest';
import { seedServices } from '@/lib/services/catalogue';
import { catalogueSearch, searchable, searchCatalogue, type PublishedService } from '@/lib/services/queries';

const departments: Record<string, { nameKm: string; nameEn: string }> = {
  'land-transport': { nameKm: 'នាយកដ្ឋានដឹកជញ្ជូនផ្លូវគោក', nameEn: 'Land Transport' },
  'public-works': { nameKm: 'នាយកដ្ឋានសំណង់សាធារណៈ', nameEn: 'Public Works' },
};
const catalogue: PublishedService[] = seedServices.map((definition) => ({
  code: definition.code,
  department: { code: definition.department, ...(departments[definition.department] ?? { nameKm: 'នាយកដ្ឋាន', nameEn: 'Department' }) },
  version: 1,
  definition,
}));
const found = (params: Record<string, string>) => searchCatalogue(catalogue, catalogueSearch(params)).map((s) => s.code);

describe('the catalogue search', () => {
  it('finds a service by a word of one of its documents, in Khmer without spaces and in English', () => {
    // "ពន្ធគយ" (customs duty) is inside "លិខិតបញ្ជាក់ការបង់ពន្ធគយ", the customs clearance certificate.
    expect(found({ q: 'ពន្ធគយ' })).toEqual(['vehicle-registration']);
    expect(found({ q: 'CUSTOMS clearance' })).toEqual(['vehicle-registration']);
  });

  it('matches a Khmer query typed with invisible word breaks or another order of its signs', () => {
    expect(found({ q: 'ពន្ធ\u200bគយ' })).toEqual(['vehicle-registration']);
    // The same text in two canonically equivalent orders of its combining signs.
    expect(searchable('\u1780\u17dd\u17d2\u1780')).toBe(searchable('\u1780\u17d2\u17dd\u1780'));
  });

  it('filters by department and by who applies, and all filters together narrow', () => {
    const all = catalogue.map((s) => s.code);
    expect(found({})).toEqual(all);
    expect(found({ applicant: 'company' })).not.toContain('driving-licence-renewal');
    expect(found({ applicant: 'person' })).toEqual(all.filter((c) => !['transport-operator-licence', 'road-excavation-permit'].includes(c)));
    const publicWorks = found({ department: 'public-works' });
    expect(publicWorks.length).toBeGreaterThan(0);
    expect(publicWorks.every((code) => catalogue.find((s) => s.code === code)!.department.code === 'public-works')).toBe(true);
    expect(found({ department: 'public-works', applicant: 'company', q: 'road' })).toEqual(['road-excavation-permit']);
    expect(found({ q: 'licence', department: 'no-such-department' })).toEqual([]);
  });

  it('ignores an unknown kind of applicant and more than one value of a parameter', () => {
    expect(catalogueSearch({ applicant: 'robot', q: ['a', 'b'] })).toEqual({ query: '', department: '', applicant: null });
  });
});
