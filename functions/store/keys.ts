/**
 * Every key of the one table. Nothing outside functions/store/ builds or reads these.
 *
 *   PK                    SK                 GSI1 (PK / SK)                      GSI2 (PK / SK)
 *   SCHOOL#id             SCHOOL             CATALOG#school / id
 *   MAJOR#id              MAJOR              CATALOG#major / id
 *   CERT#id               CERTIFICATE        CATALOG#certificate / id
 *   ACTIVITY#id           ACTIVITY           ACTIVITIES / startsAt#id            SCHOOL#id#ACTIVITIES / startsAt#id
 *   ACTIVITY#id           ATTENDEE#hash      ATTENDEE#hash / activityId  (one seat per person per activity)
 *   ATTENDEE#hash         TERM#kind#term     (activities one person holds in a term)
 *   USER#id               MEMBER#id          (family members an account enrols)
 *   SIGNUP#id             SIGNUP             USER#id#SIGNUPS / createdAt#id      ACTIVITY#id#SIGNUPS / C|A|O|X|E#id, W#rank#id
 *   USER#id               PROFILE
 *   USER#id               IDEMP#key          (expires after a day)
 *   SIGNUP#id             CHECKIN#nnn        CHECKINS#schoolId#year / at#id#n
 *   COMPLETION#code       COMPLETION
 *   SCHOOL#id             ENROLMENT#year
 *   AUDIT                 at#id              (newest first)
 *   RATE#scope#subject    W#windowStart      (a minute's count, expires by TTL)
 *   OUTBOX#signupId       kind               OUTBOX#pending / nextAttemptAt#…   (while unsent)
 *   USER#id               SUBSCRIPTIONS      (accepted one-time subscribe templates)
 *   META                  SEED
 */
export const keys = {
  school: (id: string) => ({ PK: `SCHOOL#${id}`, SK: 'SCHOOL' }),
  major: (id: string) => ({ PK: `MAJOR#${id}`, SK: 'MAJOR' }),
  certificate: (id: string) => ({ PK: `CERT#${id}`, SK: 'CERTIFICATE' }),
  catalogIndex: (type: 'school' | 'major' | 'certificate', id: string) => ({
    GSI1PK: `CATALOG#${type}`,
    GSI1SK: id,
  }),
  activity: (id: string) => ({ PK: `ACTIVITY#${id}`, SK: 'ACTIVITY' }),
  activityIndexes: (id: string, schoolId: string, startsAt: string) => ({
    GSI1PK: 'ACTIVITIES',
    GSI1SK: `${startsAt}#${id}`,
    GSI2PK: `SCHOOL#${schoolId}#ACTIVITIES`,
    GSI2SK: `${startsAt}#${id}`,
  }),
  attendee: (activityId: string, attendeeKey: string) => ({
    PK: `ACTIVITY#${activityId}`,
    SK: `ATTENDEE#${attendeeKey}`,
  }),
  attendeeIndex: (attendeeKey: string, activityId: string) => ({
    GSI1PK: `ATTENDEE#${attendeeKey}`,
    GSI1SK: activityId,
  }),
  termCount: (attendeeKey: string, termKey: string) => ({
    PK: `ATTENDEE#${attendeeKey}`,
    SK: `TERM#${termKey}`,
  }),
  familyMember: (userId: string, id: string) => ({ PK: `USER#${userId}`, SK: `MEMBER#${id}` }),
  signup: (id: string) => ({ PK: `SIGNUP#${id}`, SK: 'SIGNUP' }),
  signupIndexes: (s: {
    id: string;
    userId: string;
    activityId: string;
    createdAt: string;
    status: string;
    waitlistRank?: string;
  }) => ({
    GSI1PK: `USER#${s.userId}#SIGNUPS`,
    GSI1SK: `${s.createdAt}#${s.id}`,
    GSI2PK: `ACTIVITY#${s.activityId}#SIGNUPS`,
    GSI2SK: signupStatusKey(s.status, s.id, s.waitlistRank),
  }),
  user: (id: string) => ({ PK: `USER#${id}`, SK: 'PROFILE' }),
  idempotency: (userId: string, key: string) => ({ PK: `USER#${userId}`, SK: `IDEMP#${key}` }),
  seedMarker: () => ({ PK: 'META', SK: 'SEED' }),
  checkIn: (signupId: string, sessionIndex: number) => ({
    PK: `SIGNUP#${signupId}`,
    SK: `CHECKIN#${String(sessionIndex).padStart(3, '0')}`,
  }),
  checkInIndex: (schoolId: string, year: number, at: string, signupId: string, sessionIndex: number) => ({
    GSI1PK: `CHECKINS#${schoolId}#${year}`,
    GSI1SK: `${at}#${signupId}#${sessionIndex}`,
  }),
  completion: (code: string) => ({ PK: `COMPLETION#${code}`, SK: 'COMPLETION' }),
  enrolment: (schoolId: string, year: number) => ({ PK: `SCHOOL#${schoolId}`, SK: `ENROLMENT#${year}` }),
  audit: (at: string, id: string) => ({ PK: 'AUDIT', SK: `${at}#${id}` }),
  rateWindow: (scope: string, subject: string, windowStart: number) => ({
    PK: `RATE#${scope}#${subject}`,
    SK: `W#${windowStart}`,
  }),
  outbox: (signupId: string, kind: string) => ({ PK: `OUTBOX#${signupId}`, SK: kind }),
  subscriptions: (userId: string) => ({ PK: `USER#${userId}`, SK: 'SUBSCRIPTIONS' }),
};

const STATUS_PREFIX: Record<string, string> = {
  confirmed: 'C',
  waitlisted: 'W',
  applied: 'A',
  offered: 'O',
  cancelled: 'X',
  expired: 'E',
};

/**
 * Sign-up ids sort by time, so `W#<id>` lists the waitlist in the order people joined it; after a lottery
 * the rank is the drawn position (`!000001`…), which sorts before anyone who joins later.
 */
export function signupStatusKey(status: string, id: string, rank?: string): string {
  const prefix = STATUS_PREFIX[status] ?? 'X';
  return status === 'waitlisted' ? `${prefix}#${rank ?? id}#${id}` : `${prefix}#${id}`;
}

/** Strips the key attributes off an item before it leaves the store. */
export function withoutKeys<T extends Record<string, unknown>>(
  item: T,
): Omit<T, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK' | 'type' | 'expiresAt'> {
  const {
    PK: _pk,
    SK: _sk,
    GSI1PK: _a,
    GSI1SK: _b,
    GSI2PK: _c,
    GSI2SK: _d,
    type: _t,
    expiresAt: _e,
    ...rest
  } = item;
  return rest;
}

/** List cursors are the last item's index key, base64url JSON; anything else is refused before DynamoDB sees it. */
export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(
  cursor: string,
  expected: Record<string, RegExp>,
): Record<string, string> | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const entries = Object.entries(parsed as Record<string, unknown>);
    if (entries.length !== Object.keys(expected).length) return null;
    for (const [k, v] of entries) {
      const pattern = expected[k];
      if (!pattern || typeof v !== 'string' || !pattern.test(v)) return null;
    }
    return parsed as Record<string, string>;
  } catch {
    return null;
  }
}
