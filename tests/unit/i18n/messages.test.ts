import { expect, test } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import km from '@/lib/i18n/messages/km.json';

type Messages = { [key: string]: string | Messages };

function leaves(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

// The simple {name} arguments a message is given; plural and select branches are ignored.
const argumentsOf = (message: string) => new Set([...message.matchAll(/\{(\w+)(?:[,}])/g)].map((m) => m[1]));

const english = leaves(en);
const khmer = leaves(km);

test('every English message exists in Khmer', () => {
  expect([...english.keys()].filter((key) => !khmer.has(key))).toEqual([]);
});

test('every Khmer message exists in English', () => {
  expect([...khmer.keys()].filter((key) => !english.has(key))).toEqual([]);
});

test('no message is empty', () => {
  expect([...english, ...khmer].filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([]);
});

test('both languages use the same arguments in each message', () => {
  const mismatched = [...english].filter(([key, text]) => {
    const other = khmer.get(key);
    return other !== undefined && [...argumentsOf(text)].sort().join() !== [...argumentsOf(other)].sort().join();
  });
  expect(mismatched.map(([key]) => key)).toEqual([]);
});

test('Khmer messages are written in Khmer', () => {
  // Allowed to stay Latin: examples of addresses and numbers, file types, brand names.
  const latinOnly = [...khmer].filter(([, text]) => !/[\u1780-\u17FF]/.test(text)).map(([key]) => key);
  expect(latinOnly).toEqual([]);
});
