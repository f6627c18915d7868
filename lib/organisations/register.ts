// Registering a company: its names, its Ministry of Commerce registration number and its tax
// identification number, each checked in its Cambodian format; the person registering it
// becomes its owner.
import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { provinceCodes } from '@/lib/services/provinces';
import { isPlainLine } from '@/lib/validation/plain-text';

const khmer = /[\u1780-\u17FF]/;

// Message keys, translated by the action.
export const organisationInput = z.object({
  nameKm: z.string().trim().min(1, 'errors.organisation.nameKm').max(200, 'errors.organisation.tooLong').regex(khmer, 'errors.organisation.nameKmScript').refine(isPlainLine, 'errors.organisation.lineBreak'),
  nameEn: z.string().trim().min(1, 'errors.organisation.nameEn').max(200, 'errors.organisation.tooLong').refine(isPlainLine, 'errors.organisation.lineBreak'),
  // Ministry of Commerce business registration numbers are 8 digits (00012345); spaces are dropped.
  registrationNumber: z.string().transform((v) => v.replace(/\s/g, '')).pipe(z.string().regex(/^\d{8}$/, 'errors.organisation.registrationNumber')),
  // General Department of Taxation TINs: a letter, three digits, a hyphen, nine digits (K001-901234567).
  taxId: z.string().transform((v) => v.replace(/\s/g, '').toUpperCase()).pipe(z.string().regex(/^[A-Z]\d{3}-\d{9}$/, 'errors.organisation.taxId')),
  province: z.string().refine((v) => provinceCodes.has(v), 'errors.organisation.province'),
  line: z.string().trim().min(1, 'errors.organisation.line').max(300, 'errors.organisation.tooLong').refine(isPlainLine, 'errors.organisation.lineBreak'),
});

export type RegisterOrganisationResult = { ok: true; id: string } | { ok: false; taken: 'registrationNumber' | 'taxId' };

export async function registerOrganisation(userId: string, input: z.output<typeof organisationInput>): Promise<RegisterOrganisationResult> {
  try {
    const organisation = await db.$transaction(async (tx) => {
      const created = await tx.organisation.create({
        data: {
          nameKm: input.nameKm,
          nameEn: input.nameEn,
          registrationNumber: input.registrationNumber,
          taxId: input.taxId,
          address: { province: input.province, line: input.line },
          members: { create: { userId, role: 'owner' } },
        },
      });
      // The owner applies for the company as an investor from now on.
      const investor = await tx.roleAssignment.findFirst({ where: { userId, role: 'investor' } });
      if (!investor) await tx.roleAssignment.create({ data: { userId, role: 'investor' } });
      return created;
    });
    return { ok: true, id: organisation.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const target = JSON.stringify(error.meta ?? {});
      return { ok: false, taken: target.includes('taxId') ? 'taxId' : 'registrationNumber' };
    }
    throw error;
  }
}
