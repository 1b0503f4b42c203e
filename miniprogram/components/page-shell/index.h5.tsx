import { View } from '@tarojs/components';
import { useLayoutEffect, type ReactNode } from 'react';
import { useSettings } from '@/hooks/use-settings';
import './index.scss';

export const ROOT_PX = { normal: 16, elder: 22 } as const;

/** H5 has no <page-meta>: the root font size is set on <html> (16 px, 22 px in 长辈模式). */
export function applyRootFontSize(elder: boolean, doc: Document = document): void {
  const html = doc.documentElement;
  html.style.fontSize = `${elder ? ROOT_PX.elder : ROOT_PX.normal}px`;
  html.classList.toggle('sp-elder', elder);
}

export interface PageShellProps {
  /** The page's title (the weapp build puts it in page-meta's navigation-bar; H5 uses the page config). */
  title: string;
  children: ReactNode;
  className?: string;
}

export default function PageShell({ children, className = '' }: PageShellProps) {
  const { elder } = useSettings();
  useLayoutEffect(() => applyRootFontSize(elder), [elder]);
  return <View className={`sp-page ${elder ? 'sp-elder' : ''} ${className}`}>{children}</View>;
}
