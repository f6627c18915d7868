import { hash, verify } from '@node-rs/argon2';

// OWASP's recommended minimum for argon2id (the library's default algorithm): 19 MiB, 2 passes.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

// Compared against when no account matches, so that an unknown identifier takes as long as
// a wrong password and timing does not reveal which accounts exist.
const unknownAccountHash = hash('no account has this password', options);

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? (await unknownAccountHash), password);
  } catch {
    return false;
  }
}
