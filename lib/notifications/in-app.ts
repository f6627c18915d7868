import 'server-only';
import { db } from '@/lib/db/client';
import { staffNotificationKinds } from './notify';

/**
 * A person's latest five notifications, shown in the portal: the same ones the worker sends by
 * email and SMS, without the notices to staff about files they work on (escalations).
 */
export function recentNotifications(userId: string) {
  return db.notification.findMany({
    where: { userId, kind: { notIn: [...staffNotificationKinds] } },
    orderBy: { createdAt: 'desc' },
    take: 5,
    select: { id: true, kind: true, data: true, applicationId: true, createdAt: true },
  });
}
