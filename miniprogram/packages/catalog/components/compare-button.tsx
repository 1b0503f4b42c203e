import SpButton from '@/components/sp-button';
import type { CompareItem } from '../lib/compare';
import { addToCompare, compareStore, useCompare } from '../lib/use-compare';

/** 加入对比, or 移出对比 once the major is on the list. */
export default function CompareButton({ item, block }: { item: CompareItem; block?: boolean }) {
  const on = useCompare().some((i) => i.id === item.id);
  return (
    <SpButton
      variant="secondary"
      small
      block={block}
      className={`catalog__compare-btn ${on ? 'catalog__compare-btn--on' : ''}`}
      onClick={(e) => {
        // In a list row the button sits beside the row's own tap (open the major).
        e.stopPropagation();
        if (on) compareStore.remove(item.id);
        else void addToCompare(item);
      }}
    >
      {on ? '移出对比' : '加入对比'}
    </SpButton>
  );
}
