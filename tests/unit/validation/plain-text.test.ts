import { expect, test } from 'vitest';
import { organisationInput } from '@/lib/organisations/register';
import { parseAnswer } from '@/lib/services/answers';
import { seedServices } from '@/lib/services/catalogue';
import { serviceDefinition } from '@/lib/services/definition';


const company = { nameKm: 'ក្រុមហ៊ុន សុខ', nameEn: 'Sok Company', registrationNumber: '00012345', taxId: 'K001-901234567', province: 'phnom-penh', line: 'No. 1, Street 2' };

test("a company's names and address with a line break are refused with the form's message", () => {
  for (const field of ['nameKm', 'nameEn', 'line'] as const) {
    const result = organisationInput.safeParse({ ...company, [field]: `${company[field]}\nFake line` });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path[0], i.message])).toEqual([[field, 'errors.organisation.lineBreak']]);
  }
});

test('a written answer with a line break or tab is refused; a single line is kept', () => {
  const field = { key: 'name', type: 'text', label: { km: 'ឈ្មោះ', en: 'Name' }, required: true, grouping: true } as const;
  expect(parseAnswer(field, 'Sok\nDara')).toEqual({ ok: false, error: 'errors.answer.lineBreak' });
  expect(parseAnswer(field, 'Sok\tDara')).toEqual({ ok: false, error: 'errors.answer.lineBreak' });
  expect(parseAnswer(field, ' Sok Dara ')).toEqual({ ok: true, value: 'Sok Dara' });
  const address = { ...field, type: 'address' } as const;
  expect(parseAnswer(address, { province: 'phnom-penh', district: 'Daun Penh', line: 'No. 1\n2099-12-31' })).toEqual({ ok: false, error: 'errors.answer.lineBreak' });
});

test('a service whose printed conditions hold a line break is not a valid definition', () => {
  const [first] = seedServices.filter((d) => d.issues);
  expect(serviceDefinition.safeParse(first).success).toBe(true);
  const broken = { ...first, conditions: [{ km: 'លក្ខខណ្ឌ', en: 'Carry it\nValid until 2099' }] };
  expect(serviceDefinition.safeParse(broken).success).toBe(false);
});
