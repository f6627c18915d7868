// Cambodian mobile numbers: 0 + a 2-digit operator prefix + 6 or 7 digits, written with or
// without spaces, dashes, or the +855 country code. Stored in E.164 form: +85512345678.
const mobilePrefixes = new Set([
  '10', '11', '12', '13', '14', '15', '16', '17', '18', '31', '38', '60', '61', '66', '67', '68', '69',
  '70', '71', '76', '77', '78', '79', '81', '83', '84', '85', '86', '87', '88', '89', '90', '92',
  '93', '95', '96', '97', '98', '99',
]);

export function normalizeCambodianMobile(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, '');
  const national = compact.match(/^(?:\+855|00855|855|0)(\d{8,9})$/)?.[1];
  if (!national || !mobilePrefixes.has(national.slice(0, 2))) return null;
  return `+855${national}`;
}

/** 012 345 678 (or 097 123 4567) from E.164: how people write their own number. */
export function formatCambodianMobile(e164: string): string {
  const national = `0${e164.slice(4)}`;
  return `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
}
