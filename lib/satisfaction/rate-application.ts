// Satisfaction (issue 15): after a decision, whoever acts for the applicant rates the service
// from 1 to 5, once per application, with an optional comment that is never published.
import 'server-only';
import { findApplication } from '@/lib/applications/find-application';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import type { Actor } from '@/lib/policy/policy';

export type RatingOutcome = 'rated' | 'alreadyRated' | 'notFound';

/**
 * Records the rating. The unique key on the application makes "once" hold under a double post or
 * two members of an organisation rating at the same moment: the second answers `alreadyRated`
 * and the first rating stands unchanged.
 */
export async function rateApplication(actor: Actor, applicationId: string, rating: { score: number; comment: string | null }): Promise<RatingOutcome> {
  if (!Number.isInteger(rating.score) || rating.score < 1 || rating.score > 5) throw new RangeError(`a rating is 1 to 5, not ${rating.score}`);
  const application = await findApplication(actor, applicationId, 'application.rate');
  if (!application) return 'notFound';
  try {
    await db.satisfactionRating.create({
      data: { applicationId, serviceId: application.serviceId, raterId: actor.id, score: rating.score, comment: rating.comment },
    });
    return 'rated';
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return 'alreadyRated';
    throw error;
  }
}

/** The rating already given for an application, for its page. */
export async function ratingOf(applicationId: string) {
  return db.satisfactionRating.findUnique({ where: { applicationId }, select: { score: true, comment: true, createdAt: true } });
}
