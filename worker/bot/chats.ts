import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { events, lineChats } from '../../schema/tables/core';

/**
 * Records that the bot joined or left a group/room, with an audit event. 1:1 friendships are not
 * recorded at all: a list of who followed when could be lined up against anonymous reports.
 */
export async function setGroupMembership(
  db: Db,
  args: { orgId: number; chatId: string; chatType: 'group' | 'room'; status: 'active' | 'gone'; now: number },
): Promise<void> {
  await db.batch([
    db
      .insert(lineChats)
      .values({ ...args, updatedAt: args.now })
      .onConflictDoUpdate({
        target: [lineChats.orgId, lineChats.chatId],
        set: { status: args.status, updatedAt: args.now },
      }),
    db.insert(events).values({
      orgId: args.orgId,
      entity: 'line_chat',
      entityId: args.chatId,
      action: args.status === 'active' ? 'bot_joined' : 'bot_left',
      actor: 'line',
      toState: args.status,
      createdAt: args.now,
      data: sql`json_object('chatType', ${args.chatType})`,
    }),
  ]);
}
