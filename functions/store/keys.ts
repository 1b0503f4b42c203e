/**
 * The partitions the stores query, and the sort-key prefixes they narrow them by: the same strings the
 * item keys below are made of, so a query and the items it should find cannot drift apart.
 */
export const partitions = {
  catalog: (type: 'school' | 'major' | 'certificate') => `CATALOG#${type}`,
  activities: () => 'ACTIVITIES',
  schoolActivities: (schoolId: string) => `SCHOOL#${schoolId}#ACTIVITIES`,
  activity: (activityId: string) => `ACTIVITY#${activityId}`,
  activitySignups: (activityId: string) => `ACTIVITY#${activityId}#SIGNUPS`,
  userSignups: (userId: string) => `USER#${userId}#SIGNUPS`,
  attendee: (attendeeKey: string) => `ATTENDEE#${attendeeKey}`,
  user: (userId: string) => `USER#${userId}`,
  signup: (signupId: string) => `SIGNUP#${signupId}`,
  schoolCheckIns: (schoolId: string, year: number) => `CHECKINS#${schoolId}#${year}`,
  audit: () => 'AUDIT',
  schoolInvitations: (schoolId: string) => `SCHOOL#${schoolId}#INVITES`,
  school: (schoolId: string) => `SCHOOL#${schoolId}`,
  pendingMessages: () => 'OUTBOX#pending',
  /** The scheduled worker's agenda (GSI3, sparse): activities by `wakeAt`, offered sign-ups by their deadline. */
  activityAgenda: () => 'AGENDA#activities',
  offerAgenda: () => 'AGENDA#offers',
} as const;

const STATUS_PREFIX: Record<string, string> = {
  confirmed: 'C',
  waitlisted: 'W',
  applied: 'A',
  offered: 'O',
  cancelled: 'X',
  expired: 'E',
};

/** A sign-up's place in its activity's list: the status letter, then what orders it within that status. */
const statusPrefix = (status: string) => `${STATUS_PREFIX[status] ?? 'X'}#`;

export const sortPrefixes = {
  checkIn: 'CHECKIN#',
  /** A school's people (SCHOOL#id / STAFF#userId). */
  schoolMember: 'STAFF#',
  familyMember: 'MEMBER#',
  /** The waitlist in a sign-up list (signupStatusKey). */
  waitlisted: statusPrefix('waitlisted'),
  /** Seats offered and not yet taken, in a sign-up list. */
  offered: statusPrefix('offered'),
} as const;

/** Index sort keys that list items by a time, then by id for ties. */
export const byTime = (at: string, id: string) => `${at}#${id}`;

/** The activity id an activity item's partition names. */
export function activityIdOf(pk: string): string {
  return pk.slice(partitions.activity('').length);
}

/**
 * Every key of the one table. Nothing outside functions/store/ builds or reads these.
 *
 *   PK                    SK                 GSI1 (PK / SK)                      GSI2 (PK / SK)
 *   SCHOOL#id             SCHOOL             CATALOG#school / id
 *   MAJOR#id              MAJOR              CATALOG#major / id
 *   CERT#id               CERTIFICATE        CATALOG#certificate / id
 *   ACTIVITY#id           ACTIVITY           ACTIVITIES / startsAt#id            SCHOOL#id#ACTIVITIES / startsAt#id
 *                                            GSI3: AGENDA#activities / wakeAt#id (while the worker has work for it)
 *   ACTIVITY#id           ATTENDEE#hash      ATTENDEE#hash / activityId  (one seat per person per activity)
 *   ATTENDEE#hash         TERM#kind#term     (activities one person holds in a term)
 *   USER#id               MEMBER#id          (family members an account enrols)
 *   SIGNUP#id             SIGNUP             USER#id#SIGNUPS / createdAt#id      ACTIVITY#id#SIGNUPS / C|A|O|X|E#id, W#rank#id
 *                                            GSI3: AGENDA#offers / offerExpiresAt#id (while offered)
 *   USER#id               PROFILE            (roles, rolesVersion, shortId)
 *   SHORTID#code          SHORTID            (the user a 用户编号 names)
 *   INVITE#id             INVITE             SCHOOL#id#INVITES / createdAt#id   (the code only as its SHA-256)
 *   SCHOOL#id             STAFF#userId       (the school's teachers and admins, beside their profile's role)
 *   USER#id               IDEMP#key          (expires after a day)
 *   SIGNUP#id             CHECKIN#nnn        CHECKINS#schoolId#year / at#id#n
 *   COMPLETION#code       COMPLETION
 *   SCHOOL#id             ENROLMENT#year
 *   AUDIT                 at#id              (newest first)
 *   RATE#scope#subject    W#windowStart      (a minute's count, expires by TTL)
 *   OUTBOX#signupId       kind[#about]       OUTBOX#pending / nextAttemptAt#…   (while unsent)
 *   USER#id               SUBSCRIPTIONS      (accepted one-time subscribe templates)
 *   META                  SEED
 */
export const keys = {
  school: (id: string) => ({ PK: partitions.school(id), SK: 'SCHOOL' }),
  major: (id: string) => ({ PK: `MAJOR#${id}`, SK: 'MAJOR' }),
  certificate: (id: string) => ({ PK: `CERT#${id}`, SK: 'CERTIFICATE' }),
  catalogIndex: (type: 'school' | 'major' | 'certificate', id: string) => ({
    GSI1PK: partitions.catalog(type),
    GSI1SK: id,
  }),
  activity: (id: string) => ({ PK: partitions.activity(id), SK: 'ACTIVITY' }),
  /** An activity on the worker's agenda: listed by when the worker next has something to do for it. */
  activityAgenda: (id: string, wakeAt: string) => ({
    GSI3PK: partitions.activityAgenda(),
    GSI3SK: byTime(wakeAt, id),
  }),
  activityIndexes: (id: string, schoolId: string, startsAt: string) => ({
    GSI1PK: partitions.activities(),
    GSI1SK: byTime(startsAt, id),
    GSI2PK: partitions.schoolActivities(schoolId),
    GSI2SK: byTime(startsAt, id),
  }),
  attendee: (activityId: string, attendeeKey: string) => ({
    PK: partitions.activity(activityId),
    SK: partitions.attendee(attendeeKey),
  }),
  attendeeIndex: (attendeeKey: string, activityId: string) => ({
    GSI1PK: partitions.attendee(attendeeKey),
    GSI1SK: activityId,
  }),
  termCount: (attendeeKey: string, termKey: string) => ({
    PK: partitions.attendee(attendeeKey),
    SK: `TERM#${termKey}`,
  }),
  familyMember: (userId: string, id: string) => ({
    PK: partitions.user(userId),
    SK: `${sortPrefixes.familyMember}${id}`,
  }),
  signup: (id: string) => ({ PK: partitions.signup(id), SK: 'SIGNUP' }),
  signupIndexes: (s: {
    id: string;
    userId: string;
    activityId: string;
    createdAt: string;
    status: string;
    waitlistRank?: string;
  }) => ({
    GSI1PK: partitions.userSignups(s.userId),
    GSI1SK: byTime(s.createdAt, s.id),
    GSI2PK: partitions.activitySignups(s.activityId),
    GSI2SK: signupStatusKey(s.status, s.id, s.waitlistRank),
  }),
  /** An offered sign-up on the worker's agenda: listed by when its offer runs out. */
  offerAgenda: (signupId: string, offerExpiresAt: string) => ({
    GSI3PK: partitions.offerAgenda(),
    GSI3SK: byTime(offerExpiresAt, signupId),
  }),
  user: (id: string) => ({ PK: partitions.user(id), SK: 'PROFILE' }),
  /** Which user a 用户编号 names. */
  shortId: (shortId: string) => ({ PK: `SHORTID#${shortId}`, SK: 'SHORTID' }),
  invitation: (id: string) => ({ PK: `INVITE#${id}`, SK: 'INVITE' }),
  invitationIndex: (schoolId: string, createdAt: string, id: string) => ({
    GSI1PK: partitions.schoolInvitations(schoolId),
    GSI1SK: byTime(createdAt, id),
  }),
  /** Where GET /activities's next page starts: the last activity's GSI1 key. */
  activityListCursor: (last: { id: string; startsAt: string }) => ({
    ...keys.activity(last.id),
    GSI1PK: partitions.activities(),
    GSI1SK: byTime(last.startsAt, last.id),
  }),
  /** Where GET /signups/mine's next page starts: the last sign-up's GSI1 key. */
  userSignupsCursor: (last: { id: string; userId: string; createdAt: string }) => ({
    ...keys.signup(last.id),
    GSI1PK: partitions.userSignups(last.userId),
    GSI1SK: byTime(last.createdAt, last.id),
  }),
  schoolMember: (schoolId: string, userId: string) => ({
    PK: partitions.school(schoolId),
    SK: `${sortPrefixes.schoolMember}${userId}`,
  }),
  idempotency: (userId: string, key: string) => ({ PK: partitions.user(userId), SK: `IDEMP#${key}` }),
  seedMarker: () => ({ PK: 'META', SK: 'SEED' }),
  checkIn: (signupId: string, sessionIndex: number) => ({
    PK: partitions.signup(signupId),
    SK: `${sortPrefixes.checkIn}${String(sessionIndex).padStart(3, '0')}`,
  }),
  checkInIndex: (schoolId: string, year: number, at: string, signupId: string, sessionIndex: number) => ({
    GSI1PK: partitions.schoolCheckIns(schoolId, year),
    GSI1SK: `${at}#${signupId}#${sessionIndex}`,
  }),
  completion: (code: string) => ({ PK: `COMPLETION#${code}`, SK: 'COMPLETION' }),
  enrolment: (schoolId: string, year: number) => ({
    PK: partitions.school(schoolId),
    SK: `ENROLMENT#${year}`,
  }),
  audit: (at: string, id: string) => ({ PK: partitions.audit(), SK: byTime(at, id) }),
  rateWindow: (scope: string, subject: string, windowStart: number) => ({
    PK: `RATE#${scope}#${subject}`,
    SK: `W#${windowStart}`,
  }),
  /**
   * A message's item: its sign-up, then its kind and what it is about (`session-changed#s2#c4`); a kind owed
   * once per sign-up has no `about`, so the messages stored before `about` existed keep their ids.
   */
  outbox: (signupId: string, kind: string, about?: string) => ({
    PK: `OUTBOX#${signupId}`,
    SK: about ? `${kind}#${about}` : kind,
  }),
  /** While a message waits: listed by when it is next due. */
  pendingMessage: (m: { nextAttemptAt: string; signupId: string; kind: string; about?: string }) => ({
    GSI1PK: partitions.pendingMessages(),
    GSI1SK: `${m.nextAttemptAt}#${m.signupId}#${keys.outbox(m.signupId, m.kind, m.about).SK}`,
  }),
  subscriptions: (userId: string) => ({ PK: partitions.user(userId), SK: 'SUBSCRIPTIONS' }),
};

/**
 * Sign-up ids sort by time, so `W#<id>` lists the waitlist in the order people joined it; after a lottery
 * the rank is the drawn position (`!000001`…), which sorts before anyone who joins later.
 */
export function signupStatusKey(status: string, id: string, rank?: string): string {
  return status === 'waitlisted'
    ? `${statusPrefix(status)}${rank ?? id}#${id}`
    : `${statusPrefix(status)}${id}`;
}

/** Strips the key attributes off an item before it leaves the store. */
export function withoutKeys<T extends Record<string, unknown>>(
  item: T,
): Omit<
  T,
  'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK' | 'GSI3PK' | 'GSI3SK' | 'type' | 'expiresAt'
> {
  const {
    PK: _pk,
    SK: _sk,
    GSI1PK: _a,
    GSI1SK: _b,
    GSI2PK: _c,
    GSI2SK: _d,
    GSI3PK: _g,
    GSI3SK: _h,
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
