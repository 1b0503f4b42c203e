import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import { callAs } from '@/lib/call-as';
import { routes } from '@/lib/routes';
import { auth, describeError } from '@/services';
import { settings } from '@/services/settings';
import {
  CLOSE_ACCOUNT_EFFECTS,
  STAFF_FIRST,
  exportFileName,
  exportSummary,
  forgetLocalData,
  hasStaffRole,
} from '../../lib/account';
import { saveJson } from '../../lib/save-json';
import './index.scss';

/** The phone's storage for the logout after 注销. */
const phoneStorage = {
  keys: () => Taro.getStorageInfoSync().keys,
  remove: (key: string) => Taro.removeStorageSync(key),
};

/**
 * 账号与数据 (我的): 导出我的数据 — GET /me/export as a .json file (WeChat: sent to a chat; H5: downloaded) — and
 * 注销账号, which first says in plain words what will happen, then DELETE /me, logs out on this phone and goes
 * back to 首页 with 账号已注销. A refusal (a school's teacher must be removed first) stays on the page.
 */
export default function AccountPage() {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<'export' | 'close' | null>(null);
  const [exported, setExported] = useState<{ summary: string; text?: string } | null>(null);
  const [problem, setProblem] = useState('');
  const staff = hasStaffRole(auth.current()?.roles ?? []);

  const exportData = async () => {
    if (busy) return;
    setBusy('export');
    setProblem('');
    try {
      const data = await callAs('GET /me/export', {});
      const text = JSON.stringify(data, null, 2);
      const how = await saveJson(exportFileName(data.exportedAt), text);
      setExported({ summary: exportSummary(data), text: how === 'shown' ? text : undefined });
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(null);
    }
  };

  const close = async () => {
    if (busy) return;
    setBusy('close');
    setProblem('');
    try {
      await callAs('DELETE /me', {});
    } catch (error) {
      setProblem(describeError(error));
      setBusy(null);
      return;
    }
    forgetLocalData(phoneStorage, settings);
    await Taro.reLaunch({ url: routes.home });
    void Taro.showToast({ title: '账号已注销', icon: 'success' });
  };

  const refusal = problem ? (
    <View className="account__problem" role="alert">
      {problem}
    </View>
  ) : null;

  if (confirming) {
    return (
      <PageShell title="账号与数据" className="account">
        <View className="account__title">确认注销账号</View>
        <View className="account__text">注销后会这样：</View>
        <View className="account__card">
          {CLOSE_ACCOUNT_EFFECTS.map((line, i) => (
            <View key={line} className="account__item">
              {i + 1}. {line}
            </View>
          ))}
        </View>
        {staff ? <View className="account__warn">{STAFF_FIRST}</View> : null}
        {refusal}
        <View className="account__actions">
          <SpButton block variant="danger" disabled={busy !== null} onClick={() => void close()}>
            {busy === 'close' ? '正在注销…' : '确认注销'}
          </SpButton>
          <SpButton
            block
            variant="secondary"
            onClick={() => {
              setConfirming(false);
              setProblem('');
            }}
          >
            不注销了
          </SpButton>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell title="账号与数据" className="account">
      <View className="account__title">数据导出</View>
      <View className="account__text">
        把我们保存的关于您的信息——报名、签到、结业证明、家庭成员——导出成一个文件，可以保存或发给自己。
      </View>
      <SpButton block variant="secondary" disabled={busy !== null} onClick={() => void exportData()}>
        {busy === 'export' ? '正在导出…' : '导出我的数据'}
      </SpButton>
      {exported ? (
        <View className="account__done" role="status">
          已导出：{exported.summary}
        </View>
      ) : null}
      {exported?.text ? (
        <View className="account__card">
          <View className="account__text">这台设备不能发送文件，内容如下，可以复制保存：</View>
          <Text className="account__json" userSelect>
            {exported.text}
          </Text>
          <SpButton
            small
            variant="secondary"
            onClick={() => void Taro.setClipboardData({ data: exported.text ?? '' })}
          >
            复制全部内容
          </SpButton>
        </View>
      ) : null}
      {refusal}

      <View className="account__title account__title--gap">账号注销</View>
      <View className="account__text">
        不再使用四平职教通时，可以注销账号：您的报名会取消，名单上的姓名和手机号会删除。点下面的按钮后还会再确认一次。
      </View>
      <SpButton
        block
        variant="danger"
        onClick={() => {
          setConfirming(true);
          setProblem('');
        }}
      >
        注销账号
      </SpButton>
    </PageShell>
  );
}
