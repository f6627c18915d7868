import { z } from 'zod';
import { normalizeCambodianMobile } from '@/lib/validation/cambodian-mobile';

export type Identifier = { email: string } | { phone: string };

/**
 * A citizen signs up and signs in with an email address or a Cambodian mobile number, in one
 * field. Anything with an @ is read as an email address.
 */
export const identifierField = z
  .string()
  .trim()
  .min(1, 'errors.identifier.required')
  .transform((value, ctx): Identifier => {
    if (value.includes('@')) {
      const email = value.toLowerCase();
      if (!z.email().safeParse(email).success || email.length > 254) {
        ctx.addIssue({ code: 'custom', message: 'errors.identifier.email' });
        return z.NEVER;
      }
      return { email };
    }
    const phone = normalizeCambodianMobile(value);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'errors.identifier.mobile' });
      return z.NEVER;
    }
    return { phone };
  });

export function identifierKey(identifier: Identifier): string {
  return 'email' in identifier ? identifier.email : identifier.phone;
}
