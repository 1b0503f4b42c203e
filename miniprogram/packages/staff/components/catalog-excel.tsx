import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import SpButton from '@/components/sp-button';
import { auth, describeError, isApiError } from '@/services';
import { catalogApi, type ImportResult } from '../lib/catalog-api';
import { savedEdits } from '../lib/catalog-edits';
import { exportCatalog } from '../lib/catalog-file';
import { canApply, exportFileName } from '../lib/catalog-import';
import ImportReport from './import-report';
import WorkbookPicker, { type Workbook } from './workbook-picker';

type Phase = 'idle' | 'checking' | 'checked' | 'applying' | 'applied';

/**
 * 导出 Excel / 导入 Excel: the workbook as the server makes it (the bureau: every school; a school admin: the
 * own school), edited in WPS or Excel and brought back. An import is always checked first (?dryRun=true) and
 * shown — 新增 / 修改 / 停用 / 错误 —; only a check without errors offers 确认导入, which sends the same bytes.
 */
export default function CatalogExcel({
  scope,
  everySchool,
  onApplied,
}: {
  /** Names the exported file: the school's short name, or 四平职教通 for the bureau. */
  scope: string;
  everySchool: boolean;
  onApplied: () => void;
}) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [workbook, setWorkbook] = useState<Workbook | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState('');
  const [exporting, setExporting] = useState(false);

  const fail = (error: unknown) => setProblem(describeError(error));

  const exportNow = async () => {
    setExporting(true);
    try {
      await auth.withToken((token) => exportCatalog(token, exportFileName(scope)));
    } catch (error) {
      void Taro.showModal({ title: '没有导出成功', content: describeError(error), showCancel: false });
    } finally {
      setExporting(false);
    }
  };

  const check = async (file: Workbook) => {
    setWorkbook(file);
    setResult(null);
    setProblem('');
    setPhase('checking');
    try {
      setResult(await catalogApi.importCatalog(file.data, true));
      setPhase('checked');
    } catch (error) {
      fail(error);
      setPhase('idle');
    }
  };

  const apply = async () => {
    if (!workbook) return;
    setPhase('applying');
    setProblem('');
    try {
      const done = await catalogApi.importCatalog(workbook.data, false);
      setResult(done);
      setPhase('applied');
      savedEdits.clear();
      void Taro.showToast({ title: '已导入', icon: 'success' });
      onApplied();
    } catch (error) {
      // 422 IMPORT_INVALID or 409 EDIT_CONFLICT: the catalog moved since the check. Check again and show why.
      if (isApiError(error) && (error.status === 422 || error.status === 409)) {
        await check(workbook);
        setProblem(describeError(error));
        return;
      }
      fail(error);
      setPhase('checked');
    }
  };

  const busy = phase === 'checking' || phase === 'applying';
  return (
    <View className="staff__card excel">
      <View className="staff__card-title">用 Excel 批量修改</View>
      <View className="staff__muted">
        {everySchool
          ? '导出的表格有全市的学校、专业和证书。'
          : '导出的表格有本校的学校信息和全部专业（包括停招的）。'}
        在 WPS 或 Excel 里修改后保存，再点“导入 Excel”选这个文件：先检查，确认后才导入。
      </View>
      <View className="excel__buttons">
        <SpButton block variant="secondary" disabled={exporting} onClick={() => void exportNow()}>
          {exporting ? '正在导出…' : '导出 Excel'}
        </SpButton>
        <WorkbookPicker
          label={phase === 'idle' || phase === 'applied' ? '导入 Excel' : '重新选择文件'}
          disabled={busy}
          onPick={(file) => void check(file)}
          onError={fail}
        />
      </View>
      {workbook ? <View className="staff__muted excel__file-name">文件：{workbook.name}</View> : null}
      {phase === 'checking' ? <View className="staff__result">正在检查表格…</View> : null}
      {problem ? (
        <View className="staff__result staff__result--bad" role="alert">
          {problem}
        </View>
      ) : null}
      {result ? <ImportReport result={result} /> : null}
      {result && phase !== 'applied' && canApply(result) ? (
        <SpButton block disabled={busy} onClick={() => void apply()}>
          {phase === 'applying' ? '正在导入…' : '确认导入'}
        </SpButton>
      ) : null}
      {phase === 'applied' ? (
        <View className="staff__result staff__result--ok">已导入。公开页面约 1 分钟内显示新的内容。</View>
      ) : null}
    </View>
  );
}
