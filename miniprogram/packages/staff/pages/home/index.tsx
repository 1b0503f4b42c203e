import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import { EmptyState, ErrorState, Loading } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { formatSessionTime, kindLabel } from '@/lib/format';
import { routes } from '@/lib/routes';
import { api, auth } from '@/services';
import { catalogRoutes, editsCatalog } from '../../lib/catalog-routes';
import { managesPeople } from '../../lib/people';
import '../../lib/staff.scss';

/**
 * 学校工作台: the school's activities with seats and waitlist, and the way to 发布活动, 签到, 统计 and — for the
 * bureau and school admins — 教师管理, 学校信息 and 专业管理.
 */
export default function StaffHome() {
  const res = useResource('staff:activities', () => api.staffActivities());
  useDidShow(() => {
    if (res.data) void res.reload();
  });
  usePullDownRefresh(() => {
    void res.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const items = res.data?.items ?? [];
  const roles = auth.current()?.roles ?? [];
  return (
    <PageShell title="学校工作台" className="staff">
      <View className="staff__actions">
        <SpButton small onClick={() => void Taro.navigateTo({ url: routes.staffPublish })}>
          发布活动
        </SpButton>
        <SpButton
          small
          variant="secondary"
          onClick={() => void Taro.navigateTo({ url: routes.staffCheckIn() })}
        >
          签到
        </SpButton>
        <SpButton small variant="secondary" onClick={() => void Taro.navigateTo({ url: routes.staffStats })}>
          统计
        </SpButton>
        {managesPeople(roles) ? (
          <SpButton
            small
            variant="secondary"
            onClick={() => void Taro.navigateTo({ url: routes.staffPeople })}
          >
            教师管理
          </SpButton>
        ) : null}
        {editsCatalog(roles) ? (
          <>
            <SpButton
              small
              variant="secondary"
              onClick={() => void Taro.navigateTo({ url: catalogRoutes.schoolProfile() })}
            >
              学校信息
            </SpButton>
            <SpButton
              small
              variant="secondary"
              onClick={() => void Taro.navigateTo({ url: catalogRoutes.majors() })}
            >
              专业管理
            </SpButton>
          </>
        ) : null}
      </View>
      <View className="staff__title">我的活动</View>
      {res.loading && !res.data ? <Loading /> : null}
      {res.error && !res.data ? <ErrorState error={res.error} onRetry={res.reload} /> : null}
      {res.data && !items.length ? <EmptyState title="还没有活动" hint="点“发布活动”发布第一个。" /> : null}
      {items.map((a) => {
        const taken = a.capacity - a.seatsLeft;
        return (
          <View
            key={a.id}
            className="staff__card"
            role="button"
            onClick={() => void Taro.navigateTo({ url: routes.staffActivity(a.id) })}
          >
            <View className="staff__card-title">{a.title}</View>
            <View className="staff__muted">
              {kindLabel(a.kind)} · {formatSessionTime(a.startsAt)}
              {a.status === 'cancelled' ? ' · 已取消' : ''}
            </View>
            <View className="staff__line">
              名额 {taken}/{a.capacity} · 候补 {a.waitlistLength} 人 · 签到 {a.checkInCount ?? 0} 人次
              {a.enrolment === 'lottery' ? (a.drawnAt ? ' · 已摇号' : ' · 摇号报名') : ''}
            </View>
          </View>
        );
      })}
    </PageShell>
  );
}
