import { z } from 'zod';
import { isPlainLine } from '@/lib/validation/plain-text';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { identifierField } from './identifier';
import { isGuessablePassword, newPasswordField } from './password-rules';

export const registerInput = z
  .object({
    name: z.string().trim().min(1, 'errors.name.required').max(120, 'errors.name.tooLong').refine(isPlainLine, 'errors.name.lineBreak'),
    identifier: identifierField,
    password: newPasswordField,
  })
  .superRefine((input, ctx) => {
    // Zod runs this even when a field already failed; judge only a complete answer.
    if (typeof input.identifier !== 'object') return;
    const identifier = 'email' in input.identifier ? input.identifier.email : input.identifier.phone;
    if (isGuessablePassword(input.password, identifier)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'errors.password.guessable' });
    }
  });

export type RegisterResult = { ok: true; userId: string } | { ok: false; error: 'taken' };

type NewCitizen = { name: string; email?: string; phone?: string; passwordHash: string; locale: string };

/** Makes the account; the unique index decides, so two simultaneous attempts cannot both win. */
export async function createCitizen(citizen: NewCitizen): Promise<RegisterResult> {
  try {
    // The address the registration link went to is proven by following it.
    const now = new Date();
    const verified = { emailVerifiedAt: citizen.email ? now : null, phoneVerifiedAt: citizen.phone ? now : null };
    const user = await db.user.create({ data: { ...citizen, ...verified, roles: { create: { role: 'citizen' } } } });
    return { ok: true, userId: user.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { ok: false, error: 'taken' };
    throw error;
  }
}
