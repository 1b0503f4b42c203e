import type { AuditEntry, Role } from '../../../shared/api';
import type { InvitationRecord, MemberRecord, UserRecord } from '../../../shared/schemas/records';

/** Who someone is (their roles and 用户编号), and how often they may knock. */
export interface UserStore {
  get(id: string): Promise<UserRecord | null>;
  /** Creates the user on first login, with their short id; an existing user keeps its roles. */
  ensure(id: string, fields: { openId?: string; shortId: string }, now: string): Promise<UserRecord>;
  /** The user a 用户编号 belongs to. */
  byShortId(shortId: string): Promise<UserRecord | null>;
  /**
   * Writes `roles` over the version of the user it read, and in the same transaction the school's member row
   * (put or deleted), the audit entries and, for a redeemed invitation, its use: `conflict` when the user's
   * roles changed meanwhile (read again and retry), `invitation-gone` when the invitation was used, cancelled
   * or ran out first.
   */
  changeRoles(change: RoleChange): Promise<'changed' | 'conflict' | 'invitation-gone'>;
  /**
   * 注销: keeps only the user's id, the plain `user` role and `closedAt`; the WeChat openid and the 用户编号 (with
   * its lookup) go.
   */
  close(id: string, now: string, audit: AuditEntry): Promise<void>;
}

export interface RoleChange {
  user: UserRecord;
  roles: Role[];
  member?: { put: MemberRecord } | { remove: { schoolId: string } };
  audit: AuditEntry[];
  redeems?: { invitationId: string; now: string };
}

export interface InvitationStore {
  create(record: InvitationRecord, audit: AuditEntry): Promise<void>;
  get(id: string): Promise<InvitationRecord | null>;
  /** A school's invitations that are still pending at `now`, newest first. */
  pending(schoolId: string, now: string): Promise<InvitationRecord[]>;
  cancel(id: string, now: string, audit: AuditEntry): Promise<'cancelled' | 'not-pending'>;
  members(schoolId: string): Promise<MemberRecord[]>;
}

export interface RateLimiter {
  /** Counts one attempt; `allowed` is false once `limit` attempts fell in the current window. */
  hit(
    scope: string,
    subject: string,
    limit: number,
    windowSeconds: number,
    now: number,
  ): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}
