import { useDidShow } from '@tarojs/taro';
import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import { formatSessionTime } from '@/lib/format';
import { outcomeText, type CheckInOutcome } from '../../lib/checkin-queue';
import { checkInQueue, startCheckInSync } from '../../lib/queue';
import { CAN_SCAN, scanCode } from '../../lib/scan';
import '../../lib/staff.scss';

const TONE: Record<CheckInOutcome['kind'], string> = {
  ok: 'ok',
  already: 'warn',
  refused: 'bad',
  queued: 'warn',
};

/** 签到: scan the attendee's QR (WeChat) or type the code under it (H5); offline scans wait in a queue. */
export default function StaffCheckIn() {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<CheckInOutcome | null>(null);
  const [pending, setPending] = useState(() => checkInQueue.pending().length);
  const refreshPending = () => setPending(checkInQueue.pending().length);

  useDidShow(() => {
    startCheckInSync(refreshPending);
    refreshPending();
  });

  const submit = async (value: string) => {
    if (!value.trim() || busy) return;
    setBusy(true);
    try {
      setOutcome(await checkInQueue.scan(value));
      setCode('');
    } finally {
      setBusy(false);
      refreshPending();
    }
  };

  const scan = async () => {
    const value = await scanCode();
    if (value) await submit(value);
  };

  const flush = async () => {
    setBusy(true);
    try {
      const done = await checkInQueue.flush();
      if (done.length) setOutcome(done[done.length - 1] ?? null);
    } finally {
      setBusy(false);
      refreshPending();
    }
  };

  return (
    <PageShell title="签到" className="staff">
      <View className="staff__title">签到</View>
      {CAN_SCAN ? (
        <SpButton block disabled={busy} onClick={() => void scan()}>
          扫码签到
        </SpButton>
      ) : null}
      <View className="staff__muted">输入参加人签到二维码下方的签到码：</View>
      <Input
        className="staff__input"
        value={code}
        placeholder="签到码，以 CK1. 开头"
        onInput={(e) => setCode(e.detail.value)}
        onConfirm={() => void submit(code)}
        nativeProps={{ 'aria-label': '签到码' }}
      />
      <SpButton
        block
        variant={CAN_SCAN ? 'secondary' : 'primary'}
        disabled={busy || !code.trim()}
        onClick={() => void submit(code)}
      >
        确认签到
      </SpButton>
      {outcome ? (
        <View className={`staff__result staff__result--${TONE[outcome.kind]}`} role="status">
          {outcome.kind === 'ok' ? (
            <>
              <View>{outcome.name}</View>
              <View>签到成功</View>
              <View className="staff__muted">
                {outcome.result.activity.title} · 第 {outcome.result.session.index + 1} 次 ·{' '}
                {formatSessionTime(outcome.result.checkedInAt)}
              </View>
            </>
          ) : (
            outcomeText(outcome)
          )}
        </View>
      ) : null}
      {pending ? (
        <View className="staff__card">
          <View className="staff__line">待发送的签到：{pending} 人</View>
          <View className="staff__muted">联网后会自动发送，签到时间按扫码时记录。</View>
          <SpButton small variant="secondary" disabled={busy} onClick={() => void flush()}>
            现在发送
          </SpButton>
        </View>
      ) : null}
    </PageShell>
  );
}
