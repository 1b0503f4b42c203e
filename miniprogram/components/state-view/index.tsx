import { View } from '@tarojs/components';
import { describeError, isNetworkError } from '@/services/errors';
import SpButton from '../sp-button';
import './index.scss';

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="sp-state" role="status">
      <View className="sp-state__text">{text}</View>
    </View>
  );
}

/** A failure with the reason in Chinese and a `重试` button. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <View className="sp-state sp-state--error" role="alert">
      <View className="sp-state__title">{isNetworkError(error) ? '网络不太好' : '没有加载出来'}</View>
      <View className="sp-state__text">{describeError(error)}</View>
      <SpButton variant="secondary" onClick={onRetry} className="sp-state__action">
        重试
      </SpButton>
    </View>
  );
}

/** What a page shows until its data is there: the failure with 重试 once there is one, else 正在加载…. */
export function LoadingOrError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return error ? <ErrorState error={error} onRetry={onRetry} /> : <Loading />;
}

/** Nothing found — and what to try instead. */
export function EmptyState({
  title,
  hint,
  action,
  onAction,
}: {
  title: string;
  hint: string;
  action?: string;
  onAction?: () => void;
}) {
  return (
    <View className="sp-state sp-state--empty">
      <View className="sp-state__title">{title}</View>
      <View className="sp-state__text">{hint}</View>
      {action && onAction ? (
        <SpButton variant="secondary" onClick={onAction} className="sp-state__action">
          {action}
        </SpButton>
      ) : null}
    </View>
  );
}
