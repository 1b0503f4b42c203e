import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import CountyPicker from '@/components/county-picker';
import ListRow from '@/components/list-row';
import PageShell from '@/components/page-shell';
import SignupCard, { OutboxCard } from '@/components/signup-card';
import SpButton from '@/components/sp-button';
import StaleNote from '@/components/stale-note';
import { EmptyState, ErrorState, Loading } from '@/components/state-view';
import { useOutbox } from '@/hooks/use-outbox';
import { usePagedList } from '@/hooks/use-paged-list';
import { useMe } from '@/hooks/use-me';
import { useSettings } from '@/hooks/use-settings';
import { groupCode } from '@/lib/format';
import { renewable } from '@/lib/renewal';
import { routes } from '@/lib/routes';
import { api, auth, describeError, outbox } from '@/services';
import { settings } from '@/services/settings';
import './index.scss';

export default function Mine() {
  const { elder, county } = useSettings();
  const local = useOutbox().filter((e) => e.state !== 'sent');
  // GET /me re-reads the roles, so 学校工作台 appears once someone joins a school and goes once removed.
  const me = useMe();
  const shortId = me.data?.shortId;
  const isStaff = (me.data?.roles ?? auth.current()?.roles ?? []).some((r) => r !== 'user');
  const list = usePagedList('mine:signups', (cursor) => api.mySignups(cursor));

  useDidShow(() => {
    void list.refresh();
    if (me.data) void me.reload();
  });
  usePullDownRefresh(() => {
    void outbox
      .flush()
      .then(() => list.refresh())
      .finally(() => Taro.stopPullDownRefresh());
  });

  const cancel = async (id: string, title: string) => {
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: `确定取消“${title}”的报名吗？取消后名额会让给候补的人。`,
      confirmText: '确定',
      cancelText: '再想想',
      confirmColor: '#b42318',
    });
    if (!confirm) return;
    try {
      await api.cancelSignup(id);
      void Taro.showToast({ title: '已取消报名', icon: 'success' });
    } catch (error) {
      void Taro.showModal({ title: '没有取消成功', content: describeError(error), showCancel: false });
    }
    await list.refresh();
  };

  const retry = async (key: string) => {
    await outbox.send(key);
    await list.refresh();
  };

  const empty = !list.loading && !list.error && !list.items.length && !local.length;
  return (
    <PageShell title="我的" className="mine">
      <View className="mine__title">我的报名</View>
      <StaleNote show={list.stale} />
      {local.map((e) => (
        <OutboxCard
          key={e.key}
          entry={e}
          onRetry={() => void retry(e.key)}
          onDismiss={() => outbox.dismiss(e.key)}
        />
      ))}
      {list.loading && !list.items.length ? <Loading /> : null}
      {list.error && !list.items.length ? <ErrorState error={list.error} onRetry={list.refresh} /> : null}
      {empty ? (
        <EmptyState
          title="还没有报名"
          hint="回到首页，挑一个感兴趣的课程或活动，点“报名”就可以了。"
          action="去首页看看"
          onAction={() => void Taro.switchTab({ url: routes.home })}
        />
      ) : null}
      {list.items.map((s) => (
        <SignupCard
          key={s.id}
          signup={s}
          onCancel={() => void cancel(s.id, s.activity.title)}
          onOpen={() => void Taro.navigateTo({ url: routes.signup(s.id) })}
          onRenew={
            renewable(s, list.items)
              ? () => void Taro.navigateTo({ url: routes.renew(s.id, s.nextActivityId as string) })
              : undefined
          }
        />
      ))}
      {list.hasMore ? (
        <View role="button" className="mine__more" onClick={() => void list.loadMore()}>
          {list.loadingMore ? '正在加载…' : '加载更多'}
        </View>
      ) : null}

      <View className="mine__title mine__title--settings">设置</View>
      <View className="mine__card">
        <View
          className="mine__switch-row"
          role="switch"
          aria-checked={elder}
          onClick={() => settings.set({ elder: !elder })}
        >
          <View className="mine__switch-text">
            <View className="mine__switch-label">长辈模式</View>
            <View className="mine__switch-note">字和按钮都更大</View>
          </View>
          <View className={`mine__switch ${elder ? 'mine__switch--on' : ''}`}>
            <View className="mine__switch-knob" />
          </View>
          <View className="mine__switch-state">{elder ? '已开' : '已关'}</View>
        </View>
      </View>
      <CountyPicker label="常去的区县" value={county} onChange={(c) => settings.set({ county: c })} />
      <View className="mine__card">
        {shortId ? (
          <View className="mine__switch-row">
            <View className="mine__switch-text">
              <View className="mine__switch-label">用户编号 {groupCode(shortId)}</View>
              <View className="mine__switch-note">开通权限时告诉对方</View>
            </View>
            <SpButton small variant="secondary" onClick={() => void Taro.setClipboardData({ data: shortId })}>
              复制
            </SpButton>
          </View>
        ) : null}
        <ListRow
          title="家庭成员"
          detail="为家人报名时一键填好"
          onClick={() => void Taro.navigateTo({ url: routes.family })}
        />
        <ListRow
          title="加入学校"
          detail="老师用邀请码加入"
          onClick={() => void Taro.navigateTo({ url: routes.join() })}
        />
        {isStaff ? (
          <ListRow
            title="学校工作台"
            detail="发布活动、名单、签到、统计"
            onClick={() => void Taro.navigateTo({ url: routes.staff })}
          />
        ) : null}
        <ListRow
          title="账号与数据"
          detail="导出我的数据、注销账号"
          onClick={() => void Taro.navigateTo({ url: routes.account })}
        />
        <ListRow
          title="隐私保护指引"
          detail="我们收集哪些信息、怎么用"
          onClick={() => void Taro.navigateTo({ url: routes.privacy })}
        />
      </View>
      <View className="mine__footer">四平职教通 · 课程与活动信息以学校发布为准</View>
    </PageShell>
  );
}
