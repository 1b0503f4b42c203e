import type { Session } from '@shared/schemas/activity';

type ClassTime = Pick<Session, 'startsAt' | 'cancelled'>;

/**
 * How many more 上课提醒 a confirmed attendee would need: the classes still ahead (停课 ones aside), less the
 * reminders their one-time grants already allow. WeChat lets one message through per acceptance, so a weekly
 * term's later classes are reminded only if the person accepts again.
 */
export function remindersToOffer(classes: ClassTime[], now: number, grants: number): number {
  const ahead = classes.filter((c) => !c.cancelled && Date.parse(c.startsAt) > now).length;
  return Math.max(0, ahead - grants);
}
