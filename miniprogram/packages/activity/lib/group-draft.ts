import type { SignupBatchResponse } from '@shared/api';
import type { County } from '@shared/schemas/common';
import type { Attendee } from '@shared/schemas/signup';
import type { GroupAnswer } from '@/lib/group-results';
import { describeError, isFinalRefusal } from '@/services/errors';
import { KEYS, type KeyValue } from '@/services/kv';

/**
 * 团体报名 on a poor connection. The page's whole state is one draft per activity, kept in storage: the text
 * typed, the submission sent but not yet answered, and the answer. A submission gets its Idempotency-Key once;
 * sending the same list again — 重新提交, or after the app was closed — sends that key again, so the server
 * replays the people it already signed up instead of booking them twice. A changed list is a new submission.
 */
export interface GroupSubmission {
  key: string;
  attendees: Attendee[];
  /** The line each attendee came from, to put the refused ones back in the box. */
  lines: string[];
}

export interface GroupDraft {
  text: string;
  /** 限本县居民: the county every person on the list lives in. */
  residence?: County;
  pending?: GroupSubmission;
  answer?: GroupAnswer;
}

export const EMPTY_DRAFT: GroupDraft = { text: '' };

export function groupDrafts(kv: KeyValue, activityId: string) {
  const key = `${KEYS.groupPrefix}${activityId}`;
  return {
    load: (): GroupDraft => kv.get<GroupDraft>(key) ?? EMPTY_DRAFT,
    save: (draft: GroupDraft) => kv.set(key, draft),
    clear: () => kv.remove(key),
  };
}

/** Whether a list is exactly what a submission carries: the same people, in the same order. */
export function sameList(submission: GroupSubmission, attendees: Attendee[]): boolean {
  return JSON.stringify(submission.attendees) === JSON.stringify(attendees);
}

/** The submission for this list: the unanswered one when the list is the same, else a new one with a new key. */
export function submissionFor(
  draft: GroupDraft,
  attendees: Attendee[],
  lines: string[],
  newKey: () => string,
): GroupSubmission {
  if (draft.pending && sameList(draft.pending, attendees)) return draft.pending;
  return { key: newKey(), attendees, lines };
}

export type SendOutcome =
  /** The server answered, person by person: the draft now holds the answer. */
  | { kind: 'answered'; draft: GroupDraft }
  /**
   * No answer (offline, timeout), a hiccup (5xx, 429) or any other failure: the same submission waits for
   * 重新提交.
   */
  | { kind: 'no-answer'; draft: GroupDraft; message: string }
  /** The server refused the whole list (4xx): nobody was signed up; the message says why. */
  | { kind: 'refused'; draft: GroupDraft; message: string };

/**
 * Sends one submission. The caller saves `{ ...draft, pending: submission }` first, so the key outlives the
 * app being closed mid-request.
 */
export async function sendGroup(
  draft: GroupDraft,
  submission: GroupSubmission,
  send: (s: GroupSubmission) => Promise<SignupBatchResponse>,
): Promise<SendOutcome> {
  try {
    const { results } = await send(submission);
    const { pending: _sent, ...rest } = draft;
    return { kind: 'answered', draft: { ...rest, answer: { results, lines: submission.lines } } };
  } catch (error) {
    if (isFinalRefusal(error)) {
      const { pending: _refused, ...rest } = draft;
      return { kind: 'refused', draft: rest, message: error.message };
    }
    // Anything else may not have reached the server: keep the submission, key and all, for 重新提交.
    return { kind: 'no-answer', draft: { ...draft, pending: submission }, message: describeError(error) };
  }
}
