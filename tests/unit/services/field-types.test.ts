import { describe, expect, it } from 'vitest';
import type { Field } from '@/lib/services/answers';
import { fieldTypes } from '@/lib/services/definition';
import { answerTypes } from '@/lib/services/field-types';

const options = [{ value: 'a', label: { km: 'ក', en: 'A' } }];
const long = 'x'.repeat(501);
// Answers that go wrong in every way each type knows, as posted and as forged.
const wrongAnswers: unknown[] = [
  '', '   ', 'line\nbreak', long, 'zzz', '12abc', '-5', '99999', 'b', ['b'], [], 42,
  { day: '', month: '', year: '' }, { day: '31', month: '2', year: '2026' }, { day: '1', month: '', year: '' }, { day: '1', month: '2', year: '26' },
  { province: '', district: '', line: '' }, { province: 'nowhere', district: 'x', line: '' }, { province: 'phnom-penh', district: '', line: '' },
  { province: 'phnom-penh', district: long, line: '' }, { province: 'phnom-penh', district: 'a\nb', line: '' },
];

describe('the field type table', () => {
  it('has a behaviour for every field type a definition may name', () => {
    expect(Object.keys(answerTypes).sort()).toEqual([...fieldTypes].sort());
  });

  it.each(fieldTypes)('names every problem a %s answer can have, so the browser gets its message', (type) => {
    const field = { key: 'q', type, label: { km: 'សំណួរ', en: 'Question' }, required: true, grouping: true, options, min: 0, max: 100 } as Field;
    const reported = new Set(wrongAnswers.map((value) => answerTypes[type].parse(field, value)).flatMap((r) => (r.ok ? [] : [r.error.replace('errors.answer.', '')])));
    expect(reported.size).toBeGreaterThan(0);
    for (const error of reported) expect(answerTypes[type].errors).toContain(error);
  });
});
