import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View } from '@tarojs/components';
import PageShell from '@/components/page-shell';
import { ErrorState, Loading } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { routes } from '@/lib/routes';
import { api } from '@/services';
import CompletionCard from '../../components/completion-card';
import '../signup/index.scss';

/** The public check of a 结业证明: anyone with the link (or the code) sees what the school issued. */
export default function CompletionPage() {
  const code = useRouter().params.code ?? '';
  const res = useResource(code ? `completion:${code}` : null, () => api.completion(code));
  useShareAppMessage(() => ({
    title: res.data ? `${res.data.attendeeName}的结业证明` : '结业证明',
    path: routes.completion(code),
  }));
  return (
    <PageShell title="结业证明" className="my-signup">
      {res.loading && !res.data ? <Loading /> : null}
      {res.error && !res.data ? <ErrorState error={res.error} onRetry={res.reload} /> : null}
      {res.data ? (
        <>
          <View className="my-signup__ok">已查验：这份结业证明由学校签发，真实有效。</View>
          <CompletionCard completion={res.data} />
        </>
      ) : null}
    </PageShell>
  );
}
