import { expect, test } from 'vitest';
import { answerComplaint } from '@/lib/complaints/answer-complaint';
import { findComplaint, inspectorateQueue, ownComplaints } from '@/lib/complaints/complaint';
import { complaintFigures } from '@/lib/complaints/figures';
import { fileComplaint } from '@/lib/complaints/file-complaint';
import { db } from '@/lib/db/client';
import { renderNotification } from '@/lib/notifications/messages';
import type { NotificationData, NotificationKind } from '@/lib/notifications/notify';
import { findActor } from '@/lib/auth/session';
import { filedApplication, newCitizen, newStaff } from './support/applicants';
import { company } from './support/organisations';

const department = (code: string) => db.department.findUniqueOrThrow({ where: { code }, select: { id: true } });

test('a complaint is numbered CMP-<year>-n and due 15 working days later, skipping weekends and holidays (controlled clock)', async () => {
  // Monday 3 March 2031, 10:00 in Phnom Penh; the Wednesday and Thursday after are holidays.
  const at = new Date('2031-03-03T03:00:00Z');
  for (const date of ['2031-03-05', '2031-03-06']) {
    await db.holiday.upsert({ where: { date: new Date(`${date}T00:00:00Z`) }, create: { date: new Date(`${date}T00:00:00Z`), nameKm: 'ថ្ងៃឈប់សម្រាកសាកល្បង', nameEn: 'Test holiday' }, update: {} });
  }
  const citizen = await newCitizen();
  const filed = (await fileComplaint(citizen, { kind: 'delay', description: 'Nobody has looked at my file.', amountRiel: null, applicationId: null, departmentId: null, locale: 'en', at }))!;
  expect(filed.reference).toMatch(/^CMP-2031-\d{6}$/);
  const complaint = await db.complaint.findUniqueOrThrow({ where: { id: filed.id } });
  // 4 March (1), 7 (2), 10-14 (3-7), 17-21 (8-12), 24 (13), 25 (14), 26 (15): midnight in Phnom Penh.
  expect(complaint.dueAt.toISOString()).toBe('2031-03-26T16:59:59.999Z');
  // Without the two holidays it would have been due two working days earlier.
  const second = (await fileComplaint(citizen, { kind: 'conduct', description: 'Rude at the counter.', amountRiel: null, applicationId: null, departmentId: null, locale: 'en', at }))!;
  expect(Number(second.reference.slice(-6))).toBe(Number(filed.reference.slice(-6)) + 1);
});

test('a complaint about an application goes to the Inspectorate only: the department complained about cannot see, list or answer it, even with its id', async () => {
  const citizen = await newCitizen();
  const applicationId = await filedApplication(citizen, 'driving-licence-renewal');
  const landTransport = await department('land-transport');
  const filed = (await fileComplaint(citizen, { kind: 'delay', description: 'Two weeks and no news.', amountRiel: null, applicationId, departmentId: null, locale: 'km' }))!;
  const complaint = await db.complaint.findUniqueOrThrow({ where: { id: filed.id } });
  expect(complaint.departmentId).toBe(landTransport.id);
  expect(complaint.applicationId).toBe(applicationId);

  const inspector = await newStaff('clerk', 'inspection');
  const clerk = await newStaff('clerk', 'land-transport');
  const head = await newStaff('department_head', 'land-transport');
  const otherCitizen = await newCitizen();

  expect((await inspectorateQueue(inspector))!.map((c) => c.id)).toContain(filed.id);
  expect(await findComplaint(inspector, filed.id, 'complaint.work')).not.toBeNull();
  for (const outsider of [clerk, head, otherCitizen]) {
    expect(await inspectorateQueue(outsider)).toBeNull();
    expect(await findComplaint(outsider, filed.id, 'complaint.work')).toBeNull();
    expect(await findComplaint(outsider, filed.id, 'complaint.view-own')).toBeNull();
    expect(await answerComplaint(outsider, filed.id, 'Closed, nothing to see.')).toBe('notFound');
  }
  // An inspector who also works at Land Transport leaves it to colleagues.
  const twoHats = await newStaff('clerk', 'inspection');
  await db.roleAssignment.create({ data: { userId: twoHats.id, role: 'clerk', departmentId: landTransport.id } });
  const twoHatsActor = { ...twoHats, roles: [...twoHats.roles, { role: 'clerk' as const, departmentId: landTransport.id }] };
  expect((await inspectorateQueue(twoHatsActor))!.map((c) => c.id)).not.toContain(filed.id);
  expect(await answerComplaint(twoHatsActor, filed.id, 'Nothing wrong here.')).toBe('notFound');
  expect(await db.complaint.findUniqueOrThrow({ where: { id: filed.id }, select: { answeredAt: true, answer: true } })).toEqual({ answeredAt: null, answer: null });

  // Another citizen cannot complain about someone else's application, and nothing is written.
  const before = await db.complaint.count();
  expect(await fileComplaint(otherCitizen, { kind: 'money', description: 'x', amountRiel: 1, applicationId, departmentId: null, locale: 'en' })).toBeNull();
  // Staff do not file complaints; nor about the Inspectorate itself, nor about a department that does not exist.
  expect(await fileComplaint(clerk, { kind: 'conduct', description: 'x', amountRiel: null, applicationId: null, departmentId: null, locale: 'en' })).toBeNull();
  expect(await fileComplaint(otherCitizen, { kind: 'conduct', description: 'x', amountRiel: null, applicationId: null, departmentId: (await department('inspection')).id, locale: 'en' })).toBeNull();
  expect(await fileComplaint(otherCitizen, { kind: 'conduct', description: 'x', amountRiel: null, applicationId: null, departmentId: '00000000-0000-4000-8000-000000000000', locale: 'en' })).toBeNull();
  expect(await db.complaint.count()).toBe(before);
});

test('the Inspectorate answers once; the complainant follows it and is told in their language through the outbox', async () => {
  const citizen = await newCitizen();
  await db.user.update({ where: { id: citizen.id }, data: { locale: 'km' } });
  const filed = (await fileComplaint(citizen, { kind: 'money', description: 'A man asked me for 50,000 riel.', amountRiel: 50000, applicationId: null, departmentId: (await department('land-transport')).id, locale: 'km' }))!;
  expect((await ownComplaints(citizen)).map((c) => c.reference)).toEqual([filed.reference]);
  expect(await ownComplaints(await newCitizen())).toEqual([]);

  const inspector = await newStaff('clerk', 'inspection');
  expect(await answerComplaint(inspector, filed.id, 'We spoke to the office; the official fee is all you pay.')).toBe('answered');
  expect(await answerComplaint(inspector, filed.id, 'A second answer.')).toBe('alreadyAnswered');
  const seen = (await findComplaint(citizen, filed.id, 'complaint.view-own'))!;
  expect(seen.answer).toBe('We spoke to the office; the official fee is all you pay.');
  expect((await inspectorateQueue(inspector))!.map((c) => c.id)).not.toContain(filed.id);

  const notifications = await db.notification.findMany({ where: { userId: citizen.id }, orderBy: { createdAt: 'asc' }, include: { deliveries: true } });
  expect(notifications.map((n) => n.kind)).toEqual(['complaint_received', 'complaint_answered']);
  expect(notifications.every((n) => n.deliveries.some((d) => d.channel === 'email'))).toBe(true);
  const answered = notifications[1]!;
  const text = renderNotification(answered.kind as NotificationKind, answered.data as unknown as NotificationData, { name: citizen.name, locale: 'km' }, '');
  expect(text.subject).toBe(`បណ្តឹង ${filed.reference} របស់អ្នកត្រូវបានឆ្លើយតប`);
  expect(text.text).toContain('We spoke to the office; the official fee is all you pay.');
  expect(text.text).toContain(`/km/account/complaints/${filed.id}`);
});

test('published figures count per department and month, answered on time against the deadline, and hide months with fewer than 5', async () => {
  const logistics = await department('logistics');
  const citizen = await newCitizen();
  const inspector = await newStaff('clerk', 'inspection');
  // August 2032 (Phnom Penh): six complaints about logistics; two answered in time, one late, three open.
  const at = new Date('2032-08-02T03:00:00Z');
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    ids.push((await fileComplaint(citizen, { kind: 'delay', description: `late ${i}`, amountRiel: null, applicationId: null, departmentId: logistics.id, locale: 'en', at }))!.id);
  }
  await answerComplaint(inspector, ids[0]!, 'Done.', new Date('2032-08-03T03:00:00Z'));
  await answerComplaint(inspector, ids[1]!, 'Done.', new Date('2032-08-10T03:00:00Z'));
  await answerComplaint(inspector, ids[2]!, 'Sorry for the wait.', new Date('2032-12-01T03:00:00Z'));
  // September 2032: four about logistics, fewer than five.
  for (let i = 0; i < 4; i++) {
    await fileComplaint(citizen, { kind: 'conduct', description: `rude ${i}`, amountRiel: null, applicationId: null, departmentId: logistics.id, locale: 'en', at: new Date('2032-09-01T03:00:00Z') });
  }
  const figures = await complaintFigures();
  expect(figures.find((f) => f.departmentCode === 'logistics' && f.month === '2032-08')).toMatchObject({ received: 6, answeredOnTime: 2, open: 3, fewerThanFive: false });
  expect(figures.find((f) => f.departmentCode === 'logistics' && f.month === '2032-09')).toMatchObject({ received: null, answeredOnTime: null, open: null, fewerThanFive: true });
});

test("a company's owner complains for it and its members follow the complaint; nobody else files for the company", async () => {
  const { owner, organisationId } = await company();
  const viewer = await newCitizen();
  await db.organisationMembership.create({ data: { organisationId, userId: viewer.id, role: 'viewer' } });
  const viewerActor = (await findActor(viewer.id))!;
  const filed = (await fileComplaint(owner, { kind: 'wrong_decision', description: 'Our permit was refused for a document we sent.', amountRiel: null, applicationId: null, departmentId: (await department('public-works')).id, organisationId, locale: 'en' }))!;
  expect(await db.complaint.findUniqueOrThrow({ where: { id: filed.id }, select: { organisationId: true } })).toEqual({ organisationId });
  expect((await ownComplaints(viewerActor)).map((c) => c.id)).toEqual([filed.id]);
  expect(await findComplaint(viewerActor, filed.id, 'complaint.view-own')).not.toBeNull();
  // A viewer does not act for the company, and an outsider is no member at all.
  expect(await fileComplaint(viewerActor, { kind: 'conduct', description: 'x', amountRiel: null, applicationId: null, departmentId: null, organisationId, locale: 'en' })).toBeNull();
  expect(await fileComplaint(await newCitizen(), { kind: 'conduct', description: 'x', amountRiel: null, applicationId: null, departmentId: null, organisationId, locale: 'en' })).toBeNull();
  expect(await db.complaint.count({ where: { organisationId } })).toBe(1);
});
