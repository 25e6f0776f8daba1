import { expect } from 'vitest';
import { type Person, textOf } from './complaint';
import { resident, toSummary } from './complaint-steps';

/** A resident who filed one report in chat: their chat, its code and (anonymous) PIN. */
export async function filedInChat(slug: string, track: 'corruption' | 'grievance', who = resident(slug)) {
  await toSummary(who, track);
  const receipt = await who.tap('ยืนยันส่งเรื่อง');
  const text = textOf(receipt);
  const code = /เลขรับเรื่อง ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text)![1]!;
  const pin = /\(PIN\) ของเรื่อง [A-Z0-9-]+\n(\d{6})/.exec(text)?.[1];
  if (track === 'corruption') expect(pin).toMatch(/^\d{6}$/);
  return { who, code, pin: pin ?? '' };
}

// The Kedmanee key of each code symbol: what the code looks like typed with the Thai layout left on.
const THAI_KEYS: Record<string, string> = {
  '2': '/',
  '3': '-',
  '4': 'ภ',
  '5': 'ถ',
  '6': 'ุ',
  '7': 'ึ',
  '8': 'ค',
  '9': 'ต',
  A: 'ฟ',
  B: 'ิ',
  C: 'แ',
  D: 'ก',
  E: 'ำ',
  F: 'ด',
  G: 'เ',
  H: '้',
  J: '่',
  K: 'า',
  M: 'ท',
  N: 'ื',
  P: 'ย',
  Q: 'ๆ',
  R: 'พ',
  S: 'ห',
  T: 'ะ',
  V: 'อ',
  W: 'ไ',
  X: 'ป',
  Y: 'ั',
  Z: 'ผ',
  '-': 'ข',
};

/** A code as typed on a Thai keyboard layout. */
export const thaiLayout = (code: string) => [...code].map((c) => THAI_KEYS[c]).join('');

/** A code as written with Thai digits (the letters stay). */
export const thaiDigits = (code: string) => code.replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]!);

/** The bubbles of a reply's carousel (or its single bubble). */
export function bubblesOf(reply: Awaited<ReturnType<Person['say']>>) {
  const flex = reply.find((m) => m.message.type === 'flex')?.message.contents;
  if (!flex) return [];
  return flex.type === 'carousel' ? flex.contents : [flex];
}
