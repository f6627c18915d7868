import { describe, expect, test } from 'vitest';
import { parseAnswer, readPage, type Field, type Page } from '@/lib/services/answers';
import { datePartsOf, partsInError } from '@/lib/services/date-answer';

const birth = { key: 'dateOfBirth', type: 'date', label: { km: 'ថ្ងៃខែឆ្នាំកំណើត', en: 'Date of birth' }, required: true } as Field;
const boxes = (day: string, month: string, year: string) => ({ day, month, year });

describe('a date typed as day, month and year', () => {
  test('is stored as an ISO date, whatever spaces, leading zeros or Khmer digits it was typed with', () => {
    expect(parseAnswer(birth, boxes('2', '12', '2026'))).toEqual({ ok: true, value: '2026-12-02' });
    expect(parseAnswer(birth, boxes(' 02 ', '12.', '2026'))).toEqual({ ok: true, value: '2026-12-02' });
    expect(parseAnswer(birth, boxes('២', '១២', '២០២៦'))).toEqual({ ok: true, value: '2026-12-02' });
    expect(parseAnswer(birth, boxes('29', '2', '2028'))).toEqual({ ok: true, value: '2028-02-29' });
  });

  test.each([
    ['31 February', boxes('31', '2', '2026'), 'date'],
    ['an invalid day', boxes('32', '1', '2026'), 'date'],
    ['day zero', boxes('0', '1', '2026'), 'date'],
    ['month 13', boxes('1', '13', '2026'), 'date'],
    ['letters', boxes('1', 'Jan', '2026'), 'date'],
    ['29 February in a common year', boxes('29', '2', '2026'), 'date'],
    ['a two-digit year', boxes('1', '1', '26'), 'dateYearDigits'],
    ['a missing day', boxes('', '12', '2026'), 'dateDay'],
    ['a missing month', boxes('2', '', '2026'), 'dateMonth'],
    ['a missing year', boxes('2', '12', ''), 'dateYear'],
    ['a missing day and month', boxes('', ' ', '2026'), 'dateDayMonth'],
    ['a missing month and year', boxes('2', '', ''), 'dateMonthYear'],
    ['nothing at all', boxes('', '', ''), 'required'],
  ])('says what is wrong with %s', (_, value, error) => {
    expect(parseAnswer(birth, value)).toEqual({ ok: false, error: `errors.answer.${error}` });
  });

  test('an optional date may be left empty, but not half filled', () => {
    const optional = { ...birth, required: false };
    expect(parseAnswer(optional, boxes('', '', ''))).toEqual({ ok: true, value: undefined });
    expect(parseAnswer(optional, boxes('2', '', '2026'))).toEqual({ ok: false, error: 'errors.answer.dateMonth' });
  });

  test('a stored answer is checked as an ISO date', () => {
    expect(parseAnswer(birth, '2026-02-28')).toEqual({ ok: true, value: '2026-02-28' });
    expect(parseAnswer(birth, '2026-02-30')).toEqual({ ok: false, error: 'errors.answer.date' });
  });

  test('the three boxes are read from the posted form', () => {
    const page = { key: 'you', title: birth.label, fields: [birth] } as Page;
    const data = new FormData();
    data.set('dateOfBirth.day', '2');
    data.set('dateOfBirth.month', '12');
    data.set('dateOfBirth.year', '2026');
    expect(readPage(page, data)).toEqual({ dateOfBirth: boxes('2', '12', '2026') });
  });

  test('the boxes show a saved answer without leading zeros, and what was typed after an error', () => {
    expect(datePartsOf('2026-02-05')).toEqual(boxes('5', '2', '2026'));
    expect(datePartsOf(boxes('31', '2', '2026'))).toEqual(boxes('31', '2', '2026'));
  });

  test('only the boxes a message is about are marked wrong', () => {
    expect(partsInError('errors.answer.dateMonth')).toEqual(['month']);
    expect(partsInError('errors.answer.dateDayYear')).toEqual(['day', 'year']);
    expect(partsInError('errors.answer.dateYearDigits')).toEqual(['year']);
    expect(partsInError('errors.answer.date')).toEqual(['day', 'month', 'year']);
  });
});
