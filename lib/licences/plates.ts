// Number plates, allocated when a vehicle registration card is issued, in the card's transaction.
// A plate reads "2A-1234" under its province's name ("Phnom Penh 2A-1234"): the first digit is
// the vehicle's class (the service definition maps its answer: 1 motorcycle, 2 car, 3 truck),
// then the series, one or two letters, then four digits from 0001 to 9999. Each province and
// class counts on its own: 2A-0001 … 2A-9999, 2B-0001 … 2Z-9999, then 2AA-0001 … 2ZZ-9999, some
// 5.8 million plates. I and O are never used: on a plate they read as 1 and 0. (A ministry that
// moves its registry to the portal starts each counter past the plates already given out.)
import type { Prisma } from '@/lib/db/generated/client';
import type { Answers } from '@/lib/services/answers';
import type { ServiceDefinition } from '@/lib/services/definition';
import { provinceCodes } from '@/lib/services/provinces';
import type { Plate } from './signature';

const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const perSeries = 9_999;

/** The plate of the `sequence`th vehicle (from 1) of a class in a province. */
export function plateNumber(classDigit: string, sequence: number): string {
  const series = Math.floor((sequence - 1) / perSeries);
  const number = String(((sequence - 1) % perSeries) + 1).padStart(4, '0');
  const twoLetters = series - letters.length;
  if (twoLetters >= letters.length ** 2) throw new Error(`plate series of class ${classDigit} exhausted`);
  const name = twoLetters < 0 ? letters[series]! : letters[Math.floor(twoLetters / letters.length)]! + letters[twoLetters % letters.length]!;
  return `${classDigit}${name}-${number}`;
}

/** Takes the next plate for an application's answers, or null when the service gives none. */
export async function allocatePlate(tx: Prisma.TransactionClient, definition: ServiceDefinition, answers: Answers): Promise<Plate | null> {
  if (!definition.plate) return null;
  const { provinceFrom, classFrom, classDigits } = definition.plate;
  const province = (answers[provinceFrom] as { province?: string } | undefined)?.province;
  const classDigit = classDigits[String(answers[classFrom])];
  // The questions are required and checked at submission; a file without them is not issued.
  if (!province || !provinceCodes.has(province) || !classDigit) throw new Error(`${definition.code}: no province or vehicle class to number a plate`);
  // One statement, so that concurrent issuances never take the same number (as next-number.ts).
  const [counter] = await tx.$queryRaw<{ last: number }[]>`
    insert into "PlateCounter" ("province", "classDigit", "last") values (${province}, ${classDigit}, 1)
    on conflict ("province", "classDigit") do update set "last" = "PlateCounter"."last" + 1
    returning "last"`;
  return { province, number: plateNumber(classDigit, counter!.last) };
}
