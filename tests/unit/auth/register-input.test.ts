import { describe, expect, test } from 'vitest';
import { registerInput } from '@/lib/auth/register';
import { toFieldErrors } from '@/lib/forms/form-state';

const errorsFor = (input: Record<string, string>) => {
  const result = registerInput.safeParse({ name: 'Sok Dara', identifier: 'dara@example.com', password: 'river lotus morning', ...input });
  return result.success ? {} : toFieldErrors(result.error);
};

describe('registration input', () => {
  test('accepts a name, an email address and a long password', () => {
    const result = registerInput.parse({ name: ' Sok Dara ', identifier: 'Dara@Example.com', password: 'river lotus morning' });
    expect(result).toEqual({ name: 'Sok Dara', identifier: { email: 'dara@example.com' }, password: 'river lotus morning' });
  });

  test('accepts a Cambodian mobile number and stores it in one form', () => {
    expect(registerInput.parse({ name: 'Sok Dara', identifier: '012 345 678', password: 'river lotus morning' }).identifier).toEqual({
      phone: '+85512345678',
    });
  });

  test('asks for each missing answer', () => {
    expect(errorsFor({ name: '', identifier: '', password: '' })).toEqual({
      name: 'errors.name.required',
      identifier: 'errors.identifier.required',
      password: 'errors.password.required',
    });
  });

  test('explains a malformed email address and a malformed mobile number', () => {
    expect(errorsFor({ identifier: 'dara@example' })).toEqual({ identifier: 'errors.identifier.email' });
    expect(errorsFor({ identifier: '023 123 456' })).toEqual({ identifier: 'errors.identifier.mobile' });
    expect(errorsFor({ identifier: '12345' })).toEqual({ identifier: 'errors.identifier.mobile' });
  });

  test('refuses short and guessable passwords', () => {
    expect(errorsFor({ password: 'short1' })).toEqual({ password: 'errors.password.tooShort' });
    expect(errorsFor({ password: 'password123' })).toEqual({ password: 'errors.password.guessable' });
    expect(errorsFor({ password: 'aaaaaaaaaaaa' })).toEqual({ password: 'errors.password.guessable' });
    expect(errorsFor({ identifier: 'sokdara2026@example.com', password: 'sokdara2026!' })).toEqual({ password: 'errors.password.guessable' });
    expect(errorsFor({ identifier: '012345678', password: '012345678910' })).toEqual({});
    expect(errorsFor({ identifier: '0123456789', password: '0123456789' })).toEqual({ password: 'errors.password.guessable' });
  });
});

test('a full name with a line break, a tab or another control character is refused, in both languages', async () => {
  const en = (await import('@/lib/i18n/messages/en.json')).default;
  const km = (await import('@/lib/i18n/messages/km.json')).default;
  for (const name of ['Sok\nDara', 'Sok\r\n2099-12-31', 'Sok\tDara', 'Sok\u0085Dara', 'Sok\u2028Dara']) {
    expect(errorsFor({ name })).toEqual({ name: 'errors.name.lineBreak' });
  }
  expect(en.errors.name.lineBreak).toBe('Write your full name on one line, without line breaks or tabs');
  expect(km.errors.name.lineBreak).toMatch(/[\u1780-\u17FF]/);
});
