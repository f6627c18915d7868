import pg from 'pg';
import { expect, inject, test } from 'vitest';
import { verifyAuditChain } from '@/lib/audit/verify-chain';
import { db } from '@/lib/db/client';
import { filedApplication, newCitizen } from './support/applicants';

async function asSuperuser<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(inject('databaseUrl'));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

test('the database refuses to change or remove an audit event', async () => {
  const id = await filedApplication(await newCitizen());
  await asSuperuser(async (sql) => {
    await expect(sql.query(`update "ApplicationEvent" set type = 'approved' where "applicationId" = $1`, [id])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(sql.query(`delete from "ApplicationEvent" where "applicationId" = $1`, [id])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(sql.query(`truncate "ApplicationEvent" cascade`)).rejects.toThrow(/append-only: TRUNCATE refused/);
  });
  expect(await db.applicationEvent.findMany({ where: { applicationId: id }, select: { type: true } })).toEqual([{ type: 'submitted' }]);
});

test('events are chained as they are written, and the verification finds the first altered one', async () => {
  const ids = await Promise.all(Array.from({ length: 5 }, async () => filedApplication(await newCitizen())));
  expect(await verifyAuditChain()).toMatchObject({ ok: true });

  const [target] = await db.applicationEvent.findMany({ where: { applicationId: ids[2] }, select: { id: true, chainPosition: true, data: true } });
  // Someone with superuser rights switches the trigger off for their session and edits a row.
  const tamper = (data: unknown) =>
    asSuperuser(async (sql) => {
      await sql.query('begin');
      await sql.query(`set local session_replication_role = replica`);
      await sql.query(`update "ApplicationEvent" set data = $2 where id = $1`, [target!.id, JSON.stringify(data)]);
      await sql.query('commit');
    });
  await tamper({ ...(target!.data as object), feeRiel: 1 });
  const report = await verifyAuditChain();
  expect(report).toMatchObject({ ok: false, position: Number(target!.chainPosition), eventId: String(target!.id), reason: 'altered' });

  // Putting it back exactly as it was makes the chain whole again.
  await tamper(target!.data);
  expect(await verifyAuditChain()).toMatchObject({ ok: true });
});

test('an event written behind the trigger, outside the chain, is reported', async () => {
  const id = await filedApplication(await newCitizen());
  const report = await asSuperuser(async (sql) => {
    await sql.query('begin');
    await sql.query(`set local session_replication_role = replica`);
    const { rows } = await sql.query(`insert into "ApplicationEvent" ("applicationId", type, visibility) values ($1, 'approved', 'public') returning id`, [id]);
    await sql.query('commit');
    const found = await verifyAuditChain();
    // Remove the forged row again (also behind the trigger) so other tests see a whole chain.
    await sql.query('begin');
    await sql.query(`set local session_replication_role = replica`);
    await sql.query(`delete from "ApplicationEvent" where id = $1`, [rows[0].id]);
    await sql.query('commit');
    return { found, forged: String(rows[0].id) };
  });
  expect(report.found).toMatchObject({ ok: false, eventId: report.forged, reason: 'unchained' });
});
