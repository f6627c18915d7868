import { inject } from 'vitest';

// lib/db/client reads DATABASE_URL on first use.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.NEXTAUTH_SECRET ??= 'integration-test-secret';
