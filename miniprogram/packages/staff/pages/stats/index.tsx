import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import type { SchoolStats } from '@shared/api';
import { currentYearInZone } from '@shared/time';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import { EmptyState, ErrorState, Loading } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { api, describeError } from '@/services';
import { niceMax, percent, ratioText } from '../../lib/chart';
import '../../lib/staff.scss';
import './index.scss';

function SchoolBar({ s, max }: { s: SchoolStats; max: number }) {
  const reached = s.ratioToTarget !== null && s.ratioToTarget >= 1;
  return (
    <View className="stats__school">
      <View className="stats__school-name">{s.schoolName}</View>
      <View className="stats__track" ariaLabel={`培训 ${s.headcount} 人次，目标 ${s.target ?? '未设'}`}>
        <View
          className={`stats__bar ${reached ? 'stats__bar--ok' : ''}`}
          style={{ width: `${percent(s.headcount, max)}%` }}
        />
        {s.target ? <View className="stats__target" style={{ left: `${percent(s.target, max)}%` }} /> : null}
      </View>
      <View className="stats__school-note">
        培训 {s.headcount} 人次 · 目标 {s.target ?? '—'}（在校生 {s.enrolment ?? '未填'} × 2）·{' '}
        {ratioText(s.ratioToTarget)}
      </View>
    </View>
  );
}

function Enrolment({
  schools,
  year,
  onSaved,
}: {
  schools: SchoolStats[];
  year: number;
  onSaved: () => void;
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const save = async (schoolId: string) => {
    const students = Number(values[schoolId]);
    if (!Number.isInteger(students) || students < 0) {
      void Taro.showModal({ title: '请填写人数', content: '在校生规模应为整数。', showCancel: false });
      return;
    }
    try {
      await api.setEnrolment(schoolId, year, students);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved();
    } catch (error) {
      void Taro.showModal({ title: '没有保存成功', content: describeError(error), showCancel: false });
    }
  };
  return (
    <View className="staff__card">
      <View className="staff__card-title">在校生规模</View>
      {schools.map((s) => (
        <View key={s.schoolId} className="stats__enrol">
          <View className="staff__muted">{s.schoolName}</View>
          <View className="stats__enrol-row">
            <Input
              className="staff__input stats__enrol-input"
              type="number"
              value={values[s.schoolId] ?? (s.enrolment === null ? '' : String(s.enrolment))}
              placeholder="在校生人数"
              onInput={(e) => setValues((v) => ({ ...v, [s.schoolId]: e.detail.value }))}
              nativeProps={{ 'aria-label': `${s.schoolName}在校生规模` }}
            />
            <SpButton small variant="secondary" onClick={() => void save(s.schoolId)}>
              保存
            </SpButton>
          </View>
        </View>
      ))}
    </View>
  );
}

/** 统计: each school's 培训人次 against the plan's 2× target, the monthly trend and the counties. */
export default function StaffStats() {
  const year = currentYearInZone();
  const res = useResource(`staff:stats:${year}`, () => api.stats(year));
  usePullDownRefresh(() => {
    void res.reload().finally(() => Taro.stopPullDownRefresh());
  });
  if (!res.data) {
    return (
      <PageShell title="统计" className="staff">
        {res.loading ? <Loading /> : null}
        {res.error ? <ErrorState error={res.error} onRetry={res.reload} /> : null}
      </PageShell>
    );
  }
  const { schools, counties } = res.data;
  const max = niceMax(schools.flatMap((s) => [s.headcount, s.target]));
  const months = Array.from({ length: 12 }, (_, i) => schools.reduce((n, s) => n + (s.byMonth[i] ?? 0), 0));
  const monthMax = niceMax(months);
  const countyMax = niceMax(counties.map((c) => c.headcount));
  const total = schools.reduce((n, s) => n + s.headcount, 0);
  return (
    <PageShell title="统计" className="staff">
      <View className="staff__title">{year} 年培训统计</View>
      <View className="staff__muted">
        年培训人次达到在校生规模的 2 倍以上（竖线为目标）。合计 {total} 人次。
      </View>
      {!schools.length ? <EmptyState title="还没有数据" hint="签到后这里会出现培训人次。" /> : null}
      <View className="staff__card">
        <View className="staff__card-title">各校培训人次与目标</View>
        {schools.map((s) => (
          <SchoolBar key={s.schoolId} s={s} max={max} />
        ))}
        <View className="stats__legend">
          <View className="stats__legend-bar" /> 培训人次
          <View className="stats__legend-line" /> 目标（在校生 × 2）
        </View>
      </View>
      <View className="staff__card">
        <View className="staff__card-title">月度趋势</View>
        <View className="stats__months">
          {months.map((n, i) => (
            <View key={i} className="stats__month">
              <View className="stats__month-value">{n || ''}</View>
              <View className="stats__month-track">
                <View className="stats__month-bar" style={{ height: `${percent(n, monthMax)}%` }} />
              </View>
              <View className="stats__month-label">{i + 1}</View>
            </View>
          ))}
        </View>
        <View className="staff__muted">单位：人次；横轴为月份</View>
      </View>
      <View className="staff__card">
        <View className="staff__card-title">各区县</View>
        {counties.map((c) => (
          <View key={c.county} className="stats__county">
            <View className="stats__county-name">{c.county}</View>
            <View className="stats__county-track">
              <View className="stats__bar" style={{ width: `${percent(c.headcount, countyMax)}%` }} />
            </View>
            <View className="stats__county-value">{c.headcount}</View>
          </View>
        ))}
      </View>
      <Enrolment schools={schools} year={year} onSaved={() => void res.reload()} />
    </PageShell>
  );
}
