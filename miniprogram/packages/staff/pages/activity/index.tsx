import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import type { Signup } from '@shared/schemas/signup';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import { ErrorState, Loading } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { formatSessionTime, kindLabel, placeText } from '@/lib/format';
import { routes } from '@/lib/routes';
import { callAs } from '@/lib/call-as';
import { api, auth, describeError, isApiError } from '@/services';
import { taroKv } from '@/services/kv';
import { SIGNUP_STATUS_LABELS } from '@shared/schemas/signup';
import WalkIn from '../../components/walk-in';
import { exportRoster } from '../../lib/export';
import { nextTermRoute } from '../../lib/next-term';
import { checkInLabel, checkedInNow, createTickStore, currentSession } from '../../lib/roster';
import '../../lib/staff.scss';

const ticks = createTickStore(taroKv);

/**
 * One activity for its school: 名单 with full phones and 签到 on each confirmed row (名单签到, for people without
 * their phone), 现场报名, 导出名单, 开始摇号, 签到 by code, 下一期, 取消活动.
 */
export default function StaffActivity() {
  const id = useRouter().params.id ?? '';
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [walkIn, setWalkIn] = useState(false);
  const [ticking, setTicking] = useState<string | null>(null);
  // Bumped when this phone ticks someone off, so the row re-reads the tick store.
  const [, setTicked] = useState(0);
  const res = useResource(id ? `staff:activity:${id}` : null, async () => {
    const [activity, roster] = await Promise.all([api.activity(id), api.staffRoster(id)]);
    return { activity, roster: roster.items };
  });
  useDidShow(() => {
    if (res.data) void res.reload();
  });
  usePullDownRefresh(() => {
    void res.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const run = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await call();
      void Taro.showToast({ title: done, icon: 'success' });
      await res.reload();
    } catch (error) {
      void Taro.showModal({ title: '没有成功', content: describeError(error), showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  if (!res.data) {
    return (
      <PageShell title="活动管理" className="staff">
        {res.loading ? <Loading /> : null}
        {res.error ? <ErrorState error={res.error} onRetry={res.reload} /> : null}
      </PageShell>
    );
  }
  const { activity: a, roster } = res.data;
  const active = roster.filter((r) => r.status !== 'cancelled' && r.status !== 'expired');
  const shown = q.trim() ? active.filter((r) => r.attendee.name.includes(q.trim())) : active;
  const checkIns = roster.reduce((n, r) => n + r.checkInCount, 0);
  const confirmed = roster.filter((r) => r.status === 'confirmed').length;
  const now = Date.now();
  const session = currentSession(a.sessions, now);
  const ticked = session === null ? new Set<string>() : ticks.get(id, session);
  const canTick = session !== null && a.status !== 'cancelled';

  /** 名单签到: one confirmed person ticked off for the session under way (or next). */
  const tick = async (signupId: string, name: string) => {
    if (ticking) return;
    setTicking(signupId);
    try {
      const done = await callAs('POST /staff/activities/{id}/attendance', {
        params: { id },
        body: { signupId },
      });
      ticks.add(id, done.session.index, signupId);
      void Taro.showToast({ title: `${name} 已签到`, icon: 'success' });
      await res.reload();
    } catch (error) {
      if (isApiError(error) && error.code === 'ALREADY_CHECKED_IN' && session !== null) {
        ticks.add(id, session, signupId);
        void Taro.showToast({ title: '本次已经签到过了', icon: 'none' });
      } else {
        void Taro.showModal({ title: '没有签到成功', content: describeError(error), showCancel: false });
      }
    } finally {
      setTicking(null);
      setTicked((n) => n + 1);
    }
  };

  const walkedIn = async (signup: Signup) => {
    if (session !== null) ticks.add(id, session, signup.id);
    setWalkIn(false);
    void Taro.showToast({ title: `${signup.attendee.name} 已签到`, icon: 'success' });
    await res.reload();
  };

  const cancel = async () => {
    const answer = await Taro.showModal({
      title: '取消活动',
      content: '',
      // WeChat and Taro H5 both support an editable modal (base library ≥ 2.17.1).
      ...({ editable: true, placeholderText: '取消原因（报名的人都会看到）' } as object),
      confirmText: '确定取消',
      cancelText: '不取消',
      confirmColor: '#b42318',
    });
    const reason = (answer as { content?: string }).content?.trim();
    if (!answer.confirm) return;
    if (!reason) {
      void Taro.showModal({
        title: '请填写取消原因',
        content: '报名的人会看到这个原因。',
        showCancel: false,
      });
      return;
    }
    await run(() => api.staffCancelActivity(id, reason), '活动已取消');
  };

  const exportCsv = async () => {
    try {
      const session = await auth.session();
      await exportRoster(id, session.token, `${a.title}-名单.csv`);
    } catch (error) {
      void Taro.showModal({ title: '导出没有成功', content: describeError(error), showCancel: false });
    }
  };

  return (
    <PageShell title="活动管理" className="staff">
      <View className="staff__title">{a.title}</View>
      <View className="staff__muted">
        {kindLabel(a.kind)} · {formatSessionTime(a.startsAt)} · {placeText(a.place)}
      </View>
      <View className="staff__line">
        报名成功 {confirmed}/{a.capacity} · 候补 {a.waitlistLength} 人 · 签到 {checkIns} 人次
      </View>
      {a.status === 'cancelled' ? (
        <View className="staff__result staff__result--bad">已取消：{a.cancelReason}</View>
      ) : null}
      <View className="staff__actions">
        <SpButton small onClick={() => void Taro.navigateTo({ url: routes.staffCheckIn(id) })}>
          签到
        </SpButton>
        <SpButton
          small
          variant="secondary"
          onClick={() => void Taro.navigateTo({ url: routes.staffEdit(id) })}
        >
          编辑活动
        </SpButton>
        {canTick && !walkIn ? (
          <SpButton small variant="secondary" onClick={() => setWalkIn(true)}>
            现场报名
          </SpButton>
        ) : null}
        <SpButton small variant="secondary" onClick={() => void exportCsv()}>
          导出名单
        </SpButton>
        {a.nextActivityId ? (
          <SpButton
            small
            variant="secondary"
            onClick={() => void Taro.navigateTo({ url: routes.staffActivity(a.nextActivityId as string) })}
          >
            查看下一期
          </SpButton>
        ) : a.status !== 'cancelled' ? (
          <SpButton
            small
            variant="secondary"
            onClick={() => void Taro.navigateTo({ url: nextTermRoute(id) })}
          >
            下一期
          </SpButton>
        ) : null}
        {a.enrolment === 'lottery' && !a.drawnAt && a.status !== 'cancelled' ? (
          <SpButton
            small
            variant="secondary"
            disabled={busy}
            onClick={() => void run(() => api.staffDraw(id), '摇号完成')}
          >
            开始摇号
          </SpButton>
        ) : null}
        {a.status !== 'cancelled' ? (
          <SpButton small variant="danger" disabled={busy} onClick={() => void cancel()}>
            取消活动
          </SpButton>
        ) : null}
      </View>
      {walkIn ? (
        <WalkIn activity={a} onDone={(signup) => void walkedIn(signup)} onClose={() => setWalkIn(false)} />
      ) : null}
      <View className="staff__title">名单</View>
      <Input
        className="staff__input"
        value={q}
        placeholder="按姓名查找"
        onInput={(e) => setQ(e.detail.value)}
        nativeProps={{ 'aria-label': '按姓名查找' }}
      />
      {!shown.length ? <View className="staff__muted">{q ? '没有找到这个人' : '还没有人报名'}</View> : null}
      {shown.map((r) => {
        const checked = r.status === 'confirmed' && checkedInNow(r, a.sessions, ticked, now);
        const label = r.status === 'confirmed' ? checkInLabel(r, checked) : '';
        return (
          <View key={r.id} className="staff__row">
            <View>
              <View>
                {r.attendee.name} · {r.attendee.phone}
              </View>
              <View className="staff__muted">
                {r.attendee.village ?? ''}
                {r.attendee.birthYear ? ` ${r.attendee.birthYear}年生` : ''}
                {r.checkInCount ? ` · 签到 ${r.checkInCount} 次` : ''}
              </View>
            </View>
            <View className="staff__row-end">
              {r.status !== 'confirmed' ? (
                <View className="staff__tag">
                  {r.status === 'waitlisted'
                    ? `候补第 ${r.waitlistPosition ?? ''} 位`
                    : SIGNUP_STATUS_LABELS[r.status]}
                </View>
              ) : null}
              {label ? (
                <View className={`staff__tag ${checked ? 'staff__tag--ok' : ''}`}>{label}</View>
              ) : null}
              {r.status === 'confirmed' && !checked && canTick ? (
                <SpButton small disabled={ticking !== null} onClick={() => void tick(r.id, r.attendee.name)}>
                  {ticking === r.id ? '签到中…' : '签到'}
                </SpButton>
              ) : null}
              {r.status === 'confirmed' && !checked && !canTick ? (
                <View className="staff__tag">{SIGNUP_STATUS_LABELS.confirmed}</View>
              ) : null}
            </View>
          </View>
        );
      })}
    </PageShell>
  );
}
