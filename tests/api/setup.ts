import { inject } from 'vitest';

// The tests make their records through the portal's own functions, on the served database.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.NEXTAUTH_SECRET ??= 'api-test-secret';
