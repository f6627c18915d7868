import { z } from 'zod';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { identifierField } from './identifier';
import { hashPassword } from './password';
import { takeAllowance } from './throttle';

// The passwords people reach for first. Length does most of the work; this list catches the
// long ones that are still guessed first.
const commonPasswords = new Set([
  '1234567890', '12345678910', '0123456789', '1234512345', '1111111111', '0000000000', 'password123',
  'password1234', 'qwertyuiop', 'qwerty123456', 'iloveyou123', 'cambodia123', 'cambodia2026',
  'phnompenh123', 'kampuchea123', 'abcdefghij', 'abc1234567', 'administrator', 'welcome123', 'letmein123',
]);

export const passwordMinLength = 10;

export const registerInput = z
  .object({
    name: z.string().trim().min(1, 'errors.name.required').max(120, 'errors.name.tooLong'),
    identifier: identifierField,
    password: z
      .string()
      .min(1, 'errors.password.required')
      .min(passwordMinLength, 'errors.password.tooShort')
      .max(200, 'errors.password.tooLong'),
  })
  .superRefine((input, ctx) => {
    // Zod runs this even when a field already failed; judge only a complete answer.
    if (typeof input.identifier !== 'object' || input.password.length < passwordMinLength) return;
    const password = input.password.toLowerCase();
    const identifier = ('email' in input.identifier ? input.identifier.email : input.identifier.phone).toLowerCase();
    const guessable =
      commonPasswords.has(password) ||
      new Set(password).size < 4 ||
      password.includes(identifier.split('@')[0]!) ||
      identifier.replace('+855', '0').includes(password);
    if (guessable) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'errors.password.guessable' });
    }
  });

export type RegisterResult = { ok: true; userId: string } | { ok: false; error: 'taken' } | { ok: false; error: 'limited'; minutes: number };

/** Makes a citizen's account; accounts made from one client address are limited per hour (throttle.ts). */
export async function registerCitizen(input: z.output<typeof registerInput>, locale: string, clientAddress: string): Promise<RegisterResult> {
  // Counted for every complete form, taken or not: each costs a password hash.
  const minutes = await takeAllowance({ registration: clientAddress });
  if (minutes) return { ok: false, error: 'limited', minutes };
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { name: input.name, ...input.identifier, passwordHash, locale, roles: { create: { role: 'citizen' } } },
    });
    return { ok: true, userId: user.id };
  } catch (error) {
    // The unique index decides, so two simultaneous registrations cannot both win.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { ok: false, error: 'taken' };
    throw error;
  }
}
