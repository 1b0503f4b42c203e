import Taro, { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { Activity } from '@shared/schemas/activity';
import { formatSessionTime, formatTimeRange } from '@shared/time';
import Contact from '@/components/contact';
import PageShell from '@/components/page-shell';
import Section from '@/components/section';
import SpButton from '@/components/sp-button';
import StaleNote from '@/components/stale-note';
import { LoadingOrError } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import {
  kindLabel,
  placeText,
  seatsText,
  sessionsSummary,
  signupWindow,
  signupWindowText,
} from '@/lib/format';
import { routes } from '@/lib/routes';
import { api } from '@/services';
import Lottery from '../../components/lottery';
import { useRouteActivity } from '../../lib/use-route-activity';
import './index.scss';

/** The WeChat card: title, then time and place, opening this activity. */
export function shareOf(a: Activity) {
  return {
    title: `${a.title}｜${formatSessionTime(a.startsAt)} ${a.place.township}${a.place.village ? ` ${a.place.village}` : ''}`,
    path: routes.activity(a.id),
  };
}

export default function ActivityDetail() {
  const activity = useRouteActivity();
  const a = activity.data;
  const school = useResource(a ? `school:${a.schoolId}` : null, () => api.school(a?.schoolId ?? ''));

  usePullDownRefresh(() => {
    void activity.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useShareAppMessage(() => (a ? shareOf(a) : { title: '四平职教通', path: routes.home }));

  if (!a) {
    return (
      <PageShell title="活动详情">
        <LoadingOrError error={activity.error} onRetry={activity.reload} />
      </PageShell>
    );
  }

  const canSignUp = signupWindow(a) === 'open';
  const full = a.seatsLeft <= 0;
  const summary = sessionsSummary(a);
  const hasPlaceLocation = a.place.latitude !== undefined && a.place.longitude !== undefined;
  const upcoming = a.sessions.filter((s) => new Date(s.endsAt).getTime() > Date.now()).slice(0, 4);

  return (
    <PageShell title="活动详情" className="adetail">
      <StaleNote show={activity.stale} />
      <View className="adetail__kind">{kindLabel(a.kind)}</View>
      <View className="adetail__title">{a.title}</View>
      {a.sample ? <View className="adetail__sample">示例活动：用于演示，不是正式通知</View> : null}
      {a.status === 'cancelled' ? (
        <View className="adetail__cancelled">活动已取消{a.cancelReason ? `：${a.cancelReason}` : ''}</View>
      ) : null}

      <View className="adetail__facts">
        <View className="adetail__fact">
          <View className="adetail__fact-label">时间</View>
          <View className="adetail__fact-value">
            {formatTimeRange(a.sessions[0]?.startsAt ?? a.startsAt, a.sessions[0]?.endsAt ?? a.endsAt)}
            {summary ? <View className="adetail__fact-sub">{summary}</View> : null}
          </View>
        </View>
        <View className="adetail__fact">
          <View className="adetail__fact-label">地点</View>
          <View className="adetail__fact-value">{placeText(a.place)}</View>
        </View>
        <View className="adetail__fact">
          <View className="adetail__fact-label">名额</View>
          <View className="adetail__fact-value">
            <View className={`adetail__seats ${full ? 'adetail__seats--full' : ''}`}>{seatsText(a)}</View>
            <View className="adetail__fact-sub">
              共 {a.capacity} 人{a.waitlistLength > 0 ? `，已有 ${a.waitlistLength} 人候补` : ''}
            </View>
          </View>
        </View>
        <View className="adetail__fact">
          <View className="adetail__fact-label">报名时间</View>
          <View className="adetail__fact-value">{signupWindowText(a)}</View>
        </View>
      </View>

      {a.enrolment === 'lottery' ? <Lottery activity={a} /> : null}

      {a.description ? (
        <Section title="活动介绍">
          <View className="adetail__text">{a.description}</View>
        </Section>
      ) : null}

      {upcoming.length > 1 ? (
        <Section title="上课时间">
          {upcoming.map((s) => (
            <View key={s.startsAt} className="adetail__session">
              {formatTimeRange(s.startsAt, s.endsAt)}
            </View>
          ))}
          {a.sessions.length > upcoming.length ? (
            <View className="adetail__fact-sub">……{summary}</View>
          ) : null}
        </Section>
      ) : null}

      <Section title="主办学校">
        {school.data ? (
          <>
            <View
              className="adetail__school"
              onClick={() => void Taro.navigateTo({ url: routes.school(a.schoolId) })}
            >
              {school.data.name} ›
            </View>
            <Contact
              name={school.data.name}
              phone={school.data.phone}
              address={school.data.address}
              location={null}
            />
          </>
        ) : (
          <View className="adetail__text">{school.error ? '学校信息暂时没有加载出来' : '正在加载…'}</View>
        )}
      </Section>

      {hasPlaceLocation ? (
        <SpButton
          variant="secondary"
          block
          className="adetail__map"
          onClick={() =>
            void Taro.openLocation({
              latitude: a.place.latitude as number,
              longitude: a.place.longitude as number,
              name: a.title,
              address: placeText(a.place),
            })
          }
        >
          打开地图
        </SpButton>
      ) : null}

      <View className="adetail__bar-space" />
      <View className="adetail__bar">
        {full && canSignUp ? (
          <View className="adetail__bar-note">已满，可候补：有人取消时按顺序补上</View>
        ) : null}
        {!canSignUp ? <View className="adetail__bar-note">{signupWindowText(a)}</View> : null}
        <View className="adetail__actions">
          {canSignUp ? (
            <SpButton
              variant="secondary"
              onClick={() => void Taro.navigateTo({ url: routes.groupSignup(a.id) })}
              className="adetail__group"
            >
              团体报名
            </SpButton>
          ) : null}
          <SpButton
            block
            disabled={!canSignUp}
            onClick={() => void Taro.navigateTo({ url: routes.signupForm(a.id) })}
            className="adetail__signup"
          >
            报名
          </SpButton>
        </View>
      </View>
    </PageShell>
  );
}
