import Taro from '@tarojs/taro';
import { NavigationBar, PageMeta, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useSettings } from '@/hooks/use-settings';
import './index.scss';

/** WeChat's base text size with care mode (关怀模式) applied: 16 px × the user's scale factor. */
function systemRootPx(): number {
  try {
    // fontSizeScaleFactor: WeChat ≥ 8.0.x; missing on older clients and in the typings.
    const info = Taro.getAppBaseInfo() as { fontSizeScaleFactor?: number };
    return 16 * (info.fontSizeScaleFactor || 1);
  } catch {
    return 16;
  }
}

export interface PageShellProps {
  /** The navigation bar's title (Taro's page-meta template carries a navigation-bar too). */
  title: string;
  children: ReactNode;
  className?: string;
}

/**
 * Every page's outer frame. rem follows WeChat's font setting (root-font-size="system"); 长辈模式 raises the
 * root to at least 22 px (so 0.875rem text is ≥ 19 px and a 2.75rem target ≥ 60 px).
 */
export default function PageShell({ title, children, className = '' }: PageShellProps) {
  const { elder } = useSettings();
  const root = elder ? `${Math.max(22, Math.round(systemRootPx() * 1.375))}px` : 'system';
  return (
    <>
      <PageMeta rootFontSize={root}>
        <NavigationBar title={title} frontColor="#000000" backgroundColor="#ffffff" />
      </PageMeta>
      <View className={`sp-page ${elder ? 'sp-elder' : ''} ${className}`}>{children}</View>
    </>
  );
}
