import Taro from '@tarojs/taro';
import PageShell from '@/components/page-shell';
import { EmptyState, LoadingOrError } from '@/components/state-view';
import type { useSchoolScope } from '../lib/use-school-scope';

/**
 * What a catalog page of 学校工作台 shows before it can show itself: who the caller is, while that is read, or why
 * they may not use it. Null once the page is theirs.
 */
export function scopeGate(
  scope: ReturnType<typeof useSchoolScope>,
  title: string,
  refused: { title: string; hint: string },
) {
  if (scope.unknown) {
    return (
      <PageShell title={title} className="staff">
        <LoadingOrError error={scope.me.error} onRetry={scope.me.reload} />
      </PageShell>
    );
  }
  if (scope.refused) {
    return (
      <PageShell title={title} className="staff">
        <EmptyState
          title={refused.title}
          hint={refused.hint}
          action="回到学校工作台"
          onAction={() => void Taro.navigateBack()}
        />
      </PageShell>
    );
  }
  return null;
}
