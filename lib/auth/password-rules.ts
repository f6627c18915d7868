// The rules a new password follows, at registration and at a password change alike.
import { z } from 'zod';

// The passwords people reach for first. Length does most of the work; this list catches the
// long ones that are still guessed first.
const commonPasswords = new Set([
  '1234567890', '12345678910', '0123456789', '1234512345', '1111111111', '0000000000', 'password123',
  'password1234', 'qwertyuiop', 'qwerty123456', 'iloveyou123', 'cambodia123', 'cambodia2026',
  'phnompenh123', 'kampuchea123', 'abcdefghij', 'abc1234567', 'administrator', 'welcome123', 'letmein123',
]);

export const passwordMinLength = 10;

export const newPasswordField = z
  .string()
  .min(1, 'errors.password.required')
  .min(passwordMinLength, 'errors.password.tooShort')
  .max(200, 'errors.password.tooLong');

/** True for a password of the right length that is still guessed early: common, repetitive, or the person's own email or number. */
export function isGuessablePassword(password: string, identifier: string): boolean {
  if (password.length < passwordMinLength) return false;
  const lower = password.toLowerCase();
  const own = identifier.toLowerCase();
  const ownName = own.split('@')[0]!;
  return commonPasswords.has(lower) || new Set(lower).size < 4 || (ownName !== '' && lower.includes(ownName)) || own.replace('+855', '0').includes(lower);
}
