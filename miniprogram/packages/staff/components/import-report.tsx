import { View } from '@tarojs/components';
import type { ImportResult } from '../lib/catalog-api';
import { changeLines, importSummary, issueLine, itemTitle } from '../lib/catalog-import';

function Items({ title, items, tone }: { title: string; items: ImportResult['added']; tone: string }) {
  if (!items.length) return null;
  return (
    <View className={`excel__group excel__group--${tone}`}>
      <View className="excel__group-title">{title}</View>
      {items.map((item) => (
        <View key={`${item.sheet}:${item.row}:${item.id}`} className="excel__item">
          {itemTitle(item)}
        </View>
      ))}
    </View>
  );
}

/**
 * What a workbook does (a dry run) or did (an import): 新增 / 修改 — each field from → to, in Chinese — /
 * 停用, and the cells to fix, named as Excel names them.
 */
export default function ImportReport({ result }: { result: ImportResult }) {
  const { added, changed, retired, errors } = result;
  return (
    <View className="excel__report" role="status">
      <View className="excel__report-title">
        {result.applied ? '已导入' : errors.length ? '表格里有需要修改的地方' : '检查结果（还没有导入）'}
      </View>
      <View className="staff__line">{importSummary(result)}</View>
      {errors.length ? (
        <View className="excel__group excel__group--bad">
          <View className="excel__group-title">错误 {errors.length} 处</View>
          <View className="staff__muted">
            请在表格里改好这些单元格，保存后重新选择文件；现在什么都还没有导入。
          </View>
          {errors.map((issue) => (
            <View key={`${issue.sheet}!${issue.cell}:${issue.message}`} className="excel__item" role="alert">
              {issueLine(issue)}
            </View>
          ))}
        </View>
      ) : null}
      <Items title={`新增 ${added.length} 条`} items={added} tone="ok" />
      {changed.length ? (
        <View className="excel__group excel__group--info">
          <View className="excel__group-title">修改 {changed.length} 条</View>
          {changed.map((item) => (
            <View key={`${item.sheet}:${item.row}:${item.id}`} className="excel__item">
              <View className="excel__item-title">{itemTitle(item)}</View>
              {changeLines(item).map((line) => (
                <View key={line} className="excel__change">
                  {line}
                </View>
              ))}
            </View>
          ))}
        </View>
      ) : null}
      <Items title={`停用 ${retired.length} 条`} items={retired} tone="off" />
      {!errors.length && !added.length && !changed.length && !retired.length ? (
        <View className="staff__muted">表格和现在的信息一致，没有需要导入的修改。</View>
      ) : null}
    </View>
  );
}
