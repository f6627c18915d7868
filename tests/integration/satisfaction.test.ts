import { expect, test } from 'vitest';
import { db } from '@/lib/db/client';
import { satisfactionFigures } from '@/lib/satisfaction/figures';
import { rateApplication, ratingOf } from '@/lib/satisfaction/rate-application';
import { filedApplication, newCitizen, newStaff } from './support/applicants';

async function decided(status: 'approved' | 'rejected' = 'approved') {
  const citizen = await newCitizen();
  const id = await filedApplication(citizen, 'driving-licence-renewal');
  await db.application.update({ where: { id }, data: { status, decidedAt: new Date(), currentDepartmentId: null } });
  return { citizen, id };
}

test('the applicant rates a decided application once: a second rating answers so and changes nothing', async () => {
  const { citizen, id } = await decided('rejected');
  expect(await rateApplication(citizen, id, { score: 2, comment: 'Slow, and the reason was unclear.' })).toBe('rated');
  expect(await rateApplication(citizen, id, { score: 5, comment: null })).toBe('alreadyRated');
  // Two posts at the same moment: the unique key keeps one.
  const other = await decided();
  const outcomes = await Promise.all([rateApplication(other.citizen, other.id, { score: 4, comment: null }), rateApplication(other.citizen, other.id, { score: 1, comment: null })]);
  expect(outcomes.sort()).toEqual(['alreadyRated', 'rated']);
  expect(await db.satisfactionRating.count({ where: { applicationId: other.id } })).toBe(1);
  expect(await ratingOf(id)).toMatchObject({ score: 2, comment: 'Slow, and the reason was unclear.' });
});

test('nobody rates an application still open, nor someone else\'s, nor with a forged id', async () => {
  const citizen = await newCitizen();
  const open = await filedApplication(citizen, 'driving-licence-renewal');
  expect(await rateApplication(citizen, open, { score: 5, comment: null })).toBe('notFound');
  const { id } = await decided();
  expect(await rateApplication(await newCitizen(), id, { score: 1, comment: null })).toBe('notFound');
  expect(await rateApplication(await newStaff('clerk', 'land-transport'), id, { score: 1, comment: null })).toBe('notFound');
  expect(await rateApplication(citizen, 'not-a-uuid', { score: 1, comment: null })).toBe('notFound');
  expect(await db.satisfactionRating.count({ where: { applicationId: { in: [open, id] } } })).toBe(0);
});

test('the monthly average per service is published from five ratings; fewer show as "fewer than 5"; comments never', async () => {
  const service = await db.service.findUniqueOrThrow({ where: { code: 'road-excavation-permit' }, select: { id: true } });
  const rater = await newCitizen();
  const scores = [5, 4, 4, 3, 5];
  for (const [i, score] of scores.entries()) {
    const { id } = await decided();
    await db.satisfactionRating.create({ data: { applicationId: id, serviceId: service.id, raterId: rater.id, score, comment: `secret ${i}`, createdAt: new Date('2033-05-10T03:00:00Z') } });
  }
  for (const score of [1, 2]) {
    const { id } = await decided();
    await db.satisfactionRating.create({ data: { applicationId: id, serviceId: service.id, raterId: rater.id, score, createdAt: new Date('2033-06-10T03:00:00Z') } });
  }
  const figures = await satisfactionFigures();
  const may = figures.find((f) => f.serviceCode === 'road-excavation-permit' && f.month === '2033-05')!;
  expect(may).toMatchObject({ ratings: 5, average: 4.2, fewerThanFive: false });
  expect(JSON.stringify(figures)).not.toContain('secret');
  expect(figures.find((f) => f.serviceCode === 'road-excavation-permit' && f.month === '2033-06')).toMatchObject({ ratings: null, average: null, fewerThanFive: true });
});
