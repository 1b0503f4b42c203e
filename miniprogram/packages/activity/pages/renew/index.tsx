import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@shared/schemas/common';
import type { Attendee, SignupWithActivity } from '@shared/schemas/signup';
import PageShell from '@/components/page-shell';
import { EmptyState, ErrorState, Loading } from '@/components/state-view';
import { routes } from '@/lib/routes';
import { api, cache, outbox } from '@/services';
import { findRenewal, renewalOf, snapshotOf } from '../../lib/renewal';

/** The attendee of one of 我的报名: from the list 我的 just showed (kept on the phone), else from the server. */
async function attendeeOf(signupId: string): Promise<Attendee> {
  const listed = cache
    .peek<Page<SignupWithActivity>>('mine:signups')
    ?.data.items.find((s) => s.id === signupId);
  return listed ? listed.attendee : (await api.signup(signupId)).attendee;
}

/**
 * 续报, opened by the one tap on 我的报名: signs the same person up for the next term (`?next=`) at once — no
 * form — through the outbox, so a weak connection keeps it and sends it once (the same Idempotency-Key), then
 * shows the result page: 报名成功, 已进入候补，第 N 位, or the server's reason (for example 报名已截止).
 */
export default function RenewPage() {
  const { id = '', next = '' } = useRouter().params;
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);

  const run = useCallback(async () => {
    setError(null);
    try {
      const [attendee, activity] = await Promise.all([attendeeOf(id), api.activity(next)]);
      const body = renewalOf({ nextActivityId: next, attendee });
      const entry =
        findRenewal(outbox.list(), body) ??
        outbox.enqueue(body.activityId, snapshotOf(activity), body.attendee);
      if (entry.state === 'pending') await outbox.send(entry.key).catch(() => undefined);
      void Taro.redirectTo({ url: routes.result(entry.key) });
    } catch (e) {
      setError(e);
    }
  }, [id, next]);

  useEffect(() => {
    if (started.current || !id || !next) return;
    started.current = true;
    void run();
  }, [id, next, run]);

  if (!id || !next) {
    return (
      <PageShell title="续报" className="renew">
        <EmptyState
          title="没有找到要续报的课程"
          hint="请回到“我的”，在报名上点“续报下一期”。"
          action="查看我的报名"
          onAction={() => void Taro.switchTab({ url: routes.mine })}
        />
      </PageShell>
    );
  }
  return (
    <PageShell title="续报" className="renew">
      {error ? (
        <ErrorState error={error} onRetry={() => void run()} />
      ) : (
        <Loading text="正在为您续报下一期…" />
      )}
    </PageShell>
  );
}
