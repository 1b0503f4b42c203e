import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { MAJOR_STATUS_LABELS } from '@shared/schemas/catalog';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import StaleNote from '@/components/stale-note';
import { EmptyState, ErrorState, Loading } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { api } from '@/services';
import CatalogExcel from '../../components/catalog-excel';
import SchoolChoice from '../../components/school-choice';
import { mergeMajors, savedEdits } from '../../lib/catalog-edits';
import { catalogRoutes } from '../../lib/catalog-routes';
import { useSchoolScope } from '../../lib/use-school-scope';
import { scopeGate } from '../../components/scope-gate';
import '../../lib/staff.scss';
import '../../lib/catalog-edit.scss';

/**
 * 专业管理: a school's majors with their status (在招 / 拟开设 / 停招), 新增专业, a tap to edit one, and the
 * Excel export and import. For a school admin (the own school) and the bureau (after choosing one; its Excel
 * covers every school).
 */
export default function StaffMajors() {
  const scope = useSchoolScope();
  const gate = scopeGate(scope, '专业管理', {
    title: '只有学校管理员可以管理专业',
    hint: '如需新增或修改本校的专业，请联系本校的学校管理员或市教育局。',
  });
  if (gate) return gate;
  const everySchool = scope.scope === 'all';
  return (
    <PageShell title="专业管理" className="staff">
      {scope.schoolId ? (
        <SchoolMajors
          key={scope.schoolId}
          schoolId={scope.schoolId}
          everySchool={everySchool}
          onSwitch={scope.several ? () => scope.choose(null) : undefined}
        />
      ) : (
        <>
          <SchoolChoice schools={scope.scope} lead="选一所学校，管理它的专业。" onChoose={scope.choose} />
          {everySchool ? <CatalogExcel scope="四平职教通" everySchool onApplied={() => undefined} /> : null}
        </>
      )}
    </PageShell>
  );
}

function SchoolMajors({
  schoolId,
  everySchool,
  onSwitch,
}: {
  schoolId: string;
  everySchool: boolean;
  onSwitch?: () => void;
}) {
  const school = useResource(`school:${schoolId}`, () => api.school(schoolId));
  const list = useResource(`staff:majors:${schoolId}`, () => api.majors({ schoolId, limit: 100 }));
  useDidShow(() => {
    if (list.data) void list.reload();
  });
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const saved = savedEdits.majorsOf(schoolId);
  const majors = mergeMajors(list.data?.items ?? [], saved);
  const open = (url: string) => void Taro.navigateTo({ url });
  const name = school.data?.name ?? '';

  return (
    <>
      <StaleNote show={list.stale} />
      <View className="edit__head">
        <View className="staff__title">{name || '本校专业'}</View>
        {onSwitch ? (
          <SpButton small variant="text" onClick={onSwitch}>
            换一所学校
          </SpButton>
        ) : null}
      </View>
      <View className="staff__actions">
        <SpButton small onClick={() => open(catalogRoutes.majorEdit(schoolId))}>
          新增专业
        </SpButton>
      </View>
      {list.loading && !list.data ? <Loading /> : null}
      {list.error && !list.data ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.data && !majors.length ? <EmptyState title="还没有专业" hint="点“新增专业”添加第一个。" /> : null}
      {majors.map((m) => (
        <View
          key={m.id}
          className="staff__card edit__major"
          role="button"
          onClick={() => open(catalogRoutes.majorEdit(schoolId, m.id))}
        >
          <View className="edit__major-main">
            <View className="staff__card-title">{m.name}</View>
            <View className="staff__muted">
              {[m.level, m.field, m.years ? `${m.years} 年制` : null].filter(Boolean).join(' · ')}
            </View>
          </View>
          <View className={`edit__status edit__status--${m.status}`}>{MAJOR_STATUS_LABELS[m.status]}</View>
        </View>
      ))}
      {list.data?.nextCursor ? (
        <View className="edit__note">这里只列出前 100 个专业；全部专业请导出 Excel 查看。</View>
      ) : null}
      <View className="edit__note">
        停招的专业不再出现在公开列表里，这里也看不到（本机刚修改过的除外）；点“导出
        Excel”可以查看和修改全部专业。
        {saved.length ? ' 刚保存的修改约 1 分钟内在公开页面显示。' : ''}
      </View>
      <CatalogExcel
        scope={everySchool ? '四平职教通' : school.data?.shortName || name || schoolId}
        everySchool={everySchool}
        onApplied={() => void list.reload()}
      />
    </>
  );
}
