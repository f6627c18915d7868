// The latest entries of the trails the auditors' page shows, newest first.
import { db } from '@/lib/db/client';

export async function applicationEventCount() {
  return db.applicationEvent.count();
}

/** The latest events on applications, with the file's reference, who acted and in which department. */
export async function recentApplicationEvents(take = 20) {
  return db.applicationEvent.findMany({
    orderBy: { id: 'desc' },
    take,
    select: {
      id: true,
      type: true,
      createdAt: true,
      application: { select: { reference: true } },
      actor: { select: { name: true } },
      departmentId: true,
    },
  });
}

/** Account security: second factors set up and reset, recovery codes used. */
export async function recentAccountEvents(take = 20) {
  return db.accountEvent.findMany({
    orderBy: { id: 'desc' },
    take,
    select: { id: true, type: true, data: true, createdAt: true, user: { select: { name: true } }, actor: { select: { name: true } } },
  });
}
