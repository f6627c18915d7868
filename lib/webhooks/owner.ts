// The client's owner (an administrator, or the company's owner for its own client) reads the
// delivery log and replays or disables from the portal's screens. Every page and server action
// loads the client through here, so a client the person may not manage, or that is not the
// organisation's named in the address, is "not found".
import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { canManageApiClient, type Actor } from '@/lib/policy/policy';
import { disableSubscription, replayDelivery } from './subscriptions';

export interface ManagedClient {
  id: string;
  name: string;
  organisationId: string | null;
}

/** The client, when this person manages it (and, from a company's pages, it is that company's). */
export async function managedClient(actor: Actor, clientId: string, organisationId?: string): Promise<ManagedClient | null> {
  if (!z.uuid().safeParse(clientId).success) return null;
  const client = await db.apiClient.findUnique({ where: { id: clientId }, select: { id: true, name: true, organisationId: true } });
  if (!client || !canManageApiClient(actor, client)) return null;
  if (organisationId !== undefined && client.organisationId !== organisationId) return null;
  return client;
}

const ownerInput = z.object({ subscriptionId: z.uuid(), deliveryId: z.uuid().optional() });

/**
 * What the owner's Replay and Disable buttons post, checked again in full: the client managed
 * by this person, the subscription (and delivery) that client's. False: nothing was changed.
 */
export async function actAsOwner(actor: Actor, act: 'replay' | 'disable', clientId: string, data: FormData, organisationId?: string): Promise<boolean> {
  const client = await managedClient(actor, clientId, organisationId);
  const input = ownerInput.safeParse(Object.fromEntries(data));
  if (!client || !input.success) return false;
  if (act === 'disable') return disableSubscription(client.id, input.data.subscriptionId);
  return input.data.deliveryId !== undefined && replayDelivery(client.id, input.data.subscriptionId, input.data.deliveryId);
}
