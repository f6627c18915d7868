// Links and codes that prove someone holds an address (registration, password reset, a new email
// address or mobile number). Only their SHA-256 is stored: a copy of the database opens nothing.
import { createHash, randomBytes, randomInt } from 'node:crypto';

export const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** 192 random bits for a link, URL-safe. */
export const newLinkToken = () => randomBytes(24).toString('base64url');

/** What a link's token looks like; anything else is not looked up. */
export const isLinkToken = (token: string) => /^[A-Za-z0-9_-]{20,64}$/.test(token);

/** Six digits for a text message. */
export const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * A code's hash, salted with its row's id: the same six digits in two rows hash differently.
 * A million codes are quickly tried offline, so a code also expires in minutes and dies after a
 * few wrong tries.
 */
export const codeDigest = (rowId: string, code: string) => digest(`${rowId}:${code}`);

export const codeMinutes = 30;
export const wrongCodesPerRow = 5;
