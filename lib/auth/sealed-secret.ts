// Authenticator keys at rest: AES-256-GCM under a key derived (HKDF) from NEXTAUTH_SECRET, so a
// copy of the database alone does not let anyone make a member of staff's codes. Changing
// NEXTAUTH_SECRET therefore means every member of staff enrols again (an administrator resets them).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

function sealingKey(masterSecret: string | undefined): Buffer {
  if (!masterSecret) throw new Error('NEXTAUTH_SECRET is not set (npm start sets one in demo mode; see README).');
  return Buffer.from(hkdfSync('sha256', masterSecret, 'mpwt-e-services', 'staff second factor v1', 32));
}

export function sealSecret(plain: string, masterSecret = process.env.NEXTAUTH_SECRET): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(masterSecret), iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

export function unsealSecret(sealed: string, masterSecret = process.env.NEXTAUTH_SECRET): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(masterSecret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
