import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import { taroKv } from '@/services/kv';
import { COMPARE_MAX, createCompareStore, type CompareItem, type CompareStore } from './compare';

/** The phone's one 对比 list, shared by every catalog page. */
export const compareStore = createCompareStore(taroKv);

export function useCompare(store: CompareStore = compareStore): CompareItem[] {
  return useSyncExternalStore(store.subscribe, store.list, store.list);
}

/**
 * 加入对比: adds the major; with three already there, asks which one to remove first (a cancelled question adds
 * nothing). Answers whether the major is on the list now.
 */
export async function addToCompare(item: CompareItem, store: CompareStore = compareStore): Promise<boolean> {
  const result = store.add(item);
  if (result !== 'full') {
    if (result === 'added') void Taro.showToast({ title: '已加入对比', icon: 'none' });
    return true;
  }
  const ask = await Taro.showModal({
    title: `最多对比 ${COMPARE_MAX} 个专业`,
    content: `要加入“${item.name}”，请先移出一个`,
    confirmText: '选择移出',
  }).catch(() => null);
  if (!ask?.confirm) return false;
  const items = store.list();
  const choice = await Taro.showActionSheet({
    itemList: items.map((i) => `移出 ${i.name}（${i.school}）`),
  }).catch(() => null);
  const out = choice ? items[choice.tapIndex] : undefined;
  if (!out) return false;
  store.replace(out.id, item);
  void Taro.showToast({ title: '已加入对比', icon: 'none' });
  return true;
}
