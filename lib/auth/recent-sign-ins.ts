// The account page's "last sign-ins", from the Session rows (kept after a session ends for this):
// when, how (password, national digital ID, a new account), and roughly on what, from the
// shortened user agent each row keeps. Enough for a person to spot a sign-in that was not theirs.
import { db } from '@/lib/db/client';

export const recentSignInCount = 10;

export async function recentSignIns(userId: string) {
  return db.session.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    take: recentSignInCount,
    select: { id: true, kind: true, createdAt: true, endedAt: true, userAgent: true },
  });
}

// Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari", Android says "Linux".
const browsers: [RegExp, string][] = [
  [/EdgA?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|Chromium\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const systems: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Chrome", "Android" from a user agent; null when neither is recognised. */
export function describeDevice(userAgent: string | null): { browser: string; system: string } | null {
  if (!userAgent) return null;
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  return browser && system ? { browser, system } : null;
}
