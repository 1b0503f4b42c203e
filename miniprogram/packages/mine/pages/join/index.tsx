import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { RedeemResult } from '@shared/api';
import Field from '@/components/field';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import { groupCode } from '@/lib/format';
import { routes } from '@/lib/routes';
import { api, auth, describeError, isApiError } from '@/services';
import { checkCode, codeFromLaunch, joinedText } from '../../lib/join';
import './index.scss';

/**
 * 加入学校: a teacher types the code a school admin sent, or arrives here from the invitation's QR code or
 * share card with the code filled in, and confirms. The role is granted at once.
 */
export default function JoinPage() {
  const launched = codeFromLaunch(useRouter().params);
  const [typed, setTyped] = useState(() => groupCode(launched));
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [joined, setJoined] = useState<RedeemResult | null>(null);

  const join = async () => {
    const checked = checkCode(typed);
    if (!checked.ok) {
      setProblem(checked.message);
      return;
    }
    setProblem('');
    setBusy(true);
    try {
      const result = await api.redeemInvitation(checked.code);
      auth.setRoles(result.roles);
      setJoined(result);
    } catch (error) {
      setProblem(isApiError(error) && error.fields[0] ? error.fields[0].message : describeError(error));
    } finally {
      setBusy(false);
    }
  };

  if (joined) {
    const text = joinedText(joined);
    return (
      <PageShell title="加入学校" className="join">
        <View className="join__result join__result--ok" role="status">
          <View className="join__school">{text.title}</View>
          <View className="join__role">{text.role}</View>
          <View className="join__next">{text.next}</View>
        </View>
        <View className="join__actions">
          <SpButton block onClick={() => void Taro.redirectTo({ url: routes.staff })}>
            学校工作台
          </SpButton>
          <SpButton block variant="secondary" onClick={() => void Taro.switchTab({ url: routes.mine })}>
            回到我的
          </SpButton>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell title="加入学校" className="join">
      <View className="join__title">加入学校</View>
      <View className="join__hint">
        {launched
          ? '已从邀请二维码读出邀请码，请核对后点“确认加入”。'
          : '请输入学校管理员发给您的邀请码（16 位字母和数字，不分大小写）。也可以直接用微信扫邀请二维码。'}
      </View>
      <Field
        name="join-code"
        label="邀请码"
        value={typed}
        placeholder="例如 7K2M-9QXD-4HRT-WP3B"
        maxlength={24}
        onInput={(value) => {
          setTyped(value);
          setProblem('');
        }}
      />
      {problem ? (
        <View className="join__result join__result--bad" role="alert">
          {problem}
        </View>
      ) : null}
      <View className="join__actions">
        <SpButton block disabled={busy} onClick={() => void join()}>
          {busy ? '正在加入…' : '确认加入'}
        </SpButton>
      </View>
    </PageShell>
  );
}
