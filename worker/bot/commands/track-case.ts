import {
  caseByPin,
  ownCaseByCode,
  ownCases,
  pinLock,
  type TrackDeps,
} from '../../cases/tracking/track-cases';
import { awaitPin, takePinWait } from '../../cases/tracking/pin-waits';
import { grantInfo } from '../../cases/tracking/info-waits';
import { readCodeAndPin, readTypedCode, readTypedPin } from '../../cases/tracking/typed-code';
import { CAROUSEL_MAX } from '../../cases/cards/tracked-case-card';
import { keyringFromEnv } from '../../crypto/keyring';
import type { LineMessage } from '../../line/gateway';
import type { BotContext } from '../context';
import { entryPoints } from '../messages/welcome';
import {
  askPinReply,
  caseListReply,
  caseReply,
  lockedReply,
  refusedReply,
  trackLinks,
} from '../tracking/track-replies';
import type { TextCommand } from './text-command';

const TRACK_WORDS = /^ติดตาม(เรื่อง)?(\s+(?<rest>.+))?$/;

async function deps(ctx: BotContext): Promise<TrackDeps> {
  const origin = ctx.env.APP_ORIGIN;
  return {
    db: ctx.db,
    keyring: await keyringFromEnv(ctx.env),
    orgId: ctx.org.id,
    now: ctx.now(),
    // A card shows the result's after photo only from an https origin, as LINE requires.
    ...(origin.startsWith('https://') ? { photos: { orgSlug: ctx.org.slug, origin } } : {}),
  };
}

async function listOwn(ctx: BotContext, userId: string): Promise<LineMessage[]> {
  const { cases, more } = await ownCases(await deps(ctx), userId, CAROUSEL_MAX);
  return caseListReply(trackLinks(ctx), cases, more);
}

// A right PIN also lets this person tap the card's "ส่งข้อมูลเพิ่มเติม" for a while (a postback
// cannot carry the PIN).
async function tryPin(ctx: BotContext, userId: string, code: string, pin: string): Promise<LineMessage[]> {
  const d = await deps(ctx);
  const result = await caseByPin(d, userId, code, pin);
  if (!result.ok) return refusedReply(result.lockedUntil);
  if (result.detail.open)
    await grantInfo(d.db, d.keyring, {
      orgId: d.orgId,
      lineUserId: userId,
      complaintId: result.id,
      now: d.now,
    });
  return caseReply(trackLinks(ctx), result.detail);
}

// A code alone: one's own case opens; anything else asks for the PIN, whether the code exists or not.
async function openCode(ctx: BotContext, userId: string, code: string): Promise<LineMessage[]> {
  const d = await deps(ctx);
  const own = await ownCaseByCode(d, userId, code);
  if (own) return caseReply(trackLinks(ctx), own);
  const locked = await pinLock(d, userId, code);
  if (locked) return lockedReply(locked);
  await awaitPin(d.db, d.keyring, { orgId: d.orgId, lineUserId: userId, code, now: d.now });
  return askPinReply(code);
}

/**
 * "ติดตามเรื่อง" (the welcome's button): the person's own cases. "ติดตาม <code>" opens that case.
 * docs/tracking.md has the rules.
 */
export const trackCaseCommand: TextCommand = {
  name: 'track-case',
  matches: (text) => text === entryPoints.track || TRACK_WORDS.test(text),
  handle: async (ctx, input) => {
    const rest = TRACK_WORDS.exec(input.text)?.groups?.rest;
    if (!rest) return listOwn(ctx, input.userId);
    const both = readCodeAndPin(rest);
    if (both) return tryPin(ctx, input.userId, both.code, both.pin);
    const code = readTypedCode(rest);
    return code ? openCode(ctx, input.userId, code) : listOwn(ctx, input.userId);
  },
};

/**
 * A tracking code typed anywhere outside a flow ("wdyw k2e6", Thai digits, the Thai layout left on),
 * a code and PIN in one message, or the PIN a typed code asked for. A 6-digit number nobody asked for
 * is not ours (null).
 */
export const trackCodeCommand: TextCommand = {
  name: 'track-code',
  matches: (text) =>
    readTypedPin(text) !== null || readCodeAndPin(text) !== null || readTypedCode(text) !== null,
  handle: async (ctx, input) => {
    const pin = readTypedPin(input.text);
    if (pin) {
      const d = await deps(ctx);
      const code = await takePinWait(d.db, d.keyring, {
        orgId: d.orgId,
        lineUserId: input.userId,
        now: d.now,
      });
      return code ? tryPin(ctx, input.userId, code, pin) : null;
    }
    const both = readCodeAndPin(input.text);
    if (both) return tryPin(ctx, input.userId, both.code, both.pin);
    return openCode(ctx, input.userId, readTypedCode(input.text)!);
  },
};
