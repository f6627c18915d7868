// A session as the portal starts one at sign-in, made directly for tests and benchmarks that
// request pages without going through the sign-in form: a Session row, and the encrypted cookie
// value that carries its id. A member of staff with a confirmed authenticator gets a session that
// has passed it.
import { encode } from 'next-auth/jwt';
import pg from 'pg';

export async function sessionToken(databaseUrl: string, userId: string, secret: string, hours = 1): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `insert into "Session" (id, "userId", kind, "expiresAt", "secondFactorAt")
       values (gen_random_uuid(), $1, 'password', now() + make_interval(hours => $2),
               (select "confirmedAt" from "StaffSecondFactor" where "userId" = $1))
       returning id`,
      [userId, hours],
    );
    return await encode({ token: { sid: rows[0]!.id }, secret, maxAge: hours * 3600 });
  } finally {
    await client.end();
  }
}
