import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import type { Activity } from '@shared/schemas/activity';
import type { County } from '@shared/schemas/common';
import {
  REQUIRED_FIELD_MESSAGES,
  SIGNUP_BATCH_MAX,
  requiredAttendeeFields,
  type Attendee,
} from '@shared/schemas/signup';
import Chips from '@/components/chips';
import Field from '@/components/field';
import PageShell from '@/components/page-shell';
import PrivacyGate from '@/components/privacy-gate';
import Section from '@/components/section';
import SpButton from '@/components/sp-button';
import { LoadingOrError } from '@/components/state-view';
import {
  COUNTY_OPTIONS,
  formatSessionTime,
  placeText,
  seatsText,
  signupWindow,
  signupWindowText,
} from '@/lib/format';
import {
  GROUP_TEXT_MAX,
  appendLine,
  checkGroupRows,
  lineOf,
  listProblem,
  parseGroupText,
  removeLine,
  type GroupRow,
} from '@/lib/group-list';
import { routes } from '@/lib/routes';
import {
  EMPTY_VALUES,
  FIELD_INPUT,
  FIELD_LABELS,
  fieldsFor,
  validateForm,
  type FormErrors,
  type FormValues,
} from '@/lib/signup-form';
import { api } from '@/services';
import { taroKv } from '@/services/kv';
import { newIdempotencyKey } from '@/services/outbox';
import GroupResults from '../../components/group-results';
import {
  EMPTY_DRAFT,
  groupDrafts,
  sameList,
  sendGroup,
  submissionFor,
  type GroupDraft,
} from '../../lib/group-draft';
import { residenceField, residenceProblem, ruleHints } from '../../lib/rules';
import { useRouteActivity } from '../../lib/use-route-activity';
import './index.scss';

const PLACEHOLDER = '每行一人，例如：\n张桂兰 13800138000 1956 五里村\n李国强，13904345678，五里村';

/** What a row was read as, piece by piece, so the cadre can check it: phone, birth year, village. */
function rowPieces(r: GroupRow): string[] {
  return [r.phone ?? '（没有手机号）', r.birthYear ? `${r.birthYear}年` : '', r.village ?? ''].filter(
    Boolean,
  );
}

function GroupForm({ activity: a, onAnswered }: { activity: Activity; onAnswered: () => void }) {
  const drafts = useMemo(() => groupDrafts(taroKv, a.id), [a.id]);
  const [draft, setDraft] = useState<GroupDraft>(() => drafts.load());
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<{ kind: 'no-answer' | 'refused'; message: string } | null>(null);
  const [adding, setAdding] = useState<FormValues>(EMPTY_VALUES);
  const [addErrors, setAddErrors] = useState<FormErrors>({});
  const rows = useMemo(() => checkGroupRows(parseGroupText(draft.text), a.kind), [draft.text, a.kind]);
  const fields = fieldsFor(a.kind);
  const needs = requiredAttendeeFields(a.kind).map((f) => REQUIRED_FIELD_MESSAGES[f]);

  const listIssue = listProblem(rows);
  const problem = listIssue ?? residenceProblem(a, draft.residence);
  const attendees: Attendee[] | null = problem
    ? null
    : rows.map((r) => ({
        ...(r.attendee as Attendee),
        ...residenceField(a, draft.residence),
      }));
  // The list sent last got no answer: sending it again re-sends that submission, key and all.
  const retrying = !!draft.pending && !!attendees && sameList(draft.pending, attendees);

  const update = (next: GroupDraft) => {
    setDraft(next);
    drafts.save(next);
  };

  const submit = async () => {
    if (busy) return;
    setTried(true);
    if (!attendees) return;
    const submission = submissionFor(
      draft,
      attendees,
      rows.map((r) => r.text),
      () => newIdempotencyKey(),
    );
    // Saved before sending: the key outlives the app being closed while the request is out.
    const sending: GroupDraft = { ...draft, pending: submission };
    update(sending);
    setBusy(true);
    setFailure(null);
    const outcome = await sendGroup(sending, submission, (s) => api.signupBatch(a.id, s.attendees, s.key));
    setBusy(false);
    update(outcome.draft);
    if (outcome.kind === 'answered') {
      setTried(false);
      onAnswered();
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    } else {
      setFailure({ kind: outcome.kind, message: outcome.message });
    }
  };

  const add = () => {
    const errors = validateForm(adding, a.kind);
    setAddErrors(errors);
    if (Object.keys(errors).length) return;
    update({ ...draft, text: appendLine(draft.text, lineOf(adding)) });
    setAdding(EMPTY_VALUES);
  };

  if (draft.answer) {
    return (
      <GroupResults
        answer={draft.answer}
        onRetryRefused={(lines) =>
          update({ text: lines.join('\n'), ...(draft.residence ? { residence: draft.residence } : {}) })
        }
        onCopyRefused={(text) => void Taro.setClipboardData({ data: text })}
        onMine={() => void Taro.switchTab({ url: routes.mine })}
        onNewList={() => {
          drafts.clear();
          setDraft(EMPTY_DRAFT);
          setTried(false);
        }}
      />
    );
  }

  return (
    <View className="group__form">
      <Section title="名单">
        <View className="group__how">
          每行一人：姓名、手机号，再写出生年份和所在村屯。用空格、逗号或 Tab
          隔开都可以，能直接从表格或微信里复制粘贴。
          {needs.length ? ` ${needs.join('；')}。` : ''}
        </View>
        <Textarea
          className="group__paste"
          value={draft.text}
          maxlength={GROUP_TEXT_MAX}
          disabled={busy}
          placeholder={PLACEHOLDER}
          placeholderClass="group__placeholder"
          onInput={(e) => update({ ...draft, text: e.detail.value })}
          nativeProps={{ 'aria-label': '名单', id: 'group-list' }}
        />
        <View className="group__count">共 {rows.length} 人</View>
        {rows.length > SIGNUP_BATCH_MAX ? (
          <View className="group__error" role="alert">
            {listIssue}
          </View>
        ) : null}
        {draft.text.length >= GROUP_TEXT_MAX ? (
          <View className="group__error" role="alert">
            名单太长，后面的内容放不下了，请分批提交
          </View>
        ) : null}
      </Section>

      {rows.length ? (
        <Section title="核对名单">
          {rows.map((r) => (
            <View
              key={r.line}
              className={`group__row ${r.problems.length ? 'group__row--bad' : ''}`}
              aria-invalid={r.problems.length ? 'true' : 'false'}
            >
              <View className="group__row-head">
                <View className="group__row-name">
                  {r.number}. {r.name ?? '（没有姓名）'}
                </View>
                <SpButton
                  variant="text"
                  small
                  className="group__row-remove"
                  onClick={() => update({ ...draft, text: removeLine(draft.text, r.line) })}
                >
                  删除
                </SpButton>
              </View>
              <View className="group__row-text">
                {rowPieces(r).map((p, i) => (
                  <Text key={i} className="group__row-piece">
                    {p}
                  </Text>
                ))}
              </View>
              {r.problems.map((p) => (
                <View key={p} className="group__row-problem">
                  {p}
                </View>
              ))}
            </View>
          ))}
        </Section>
      ) : null}

      <Section title="添加一人">
        {fields.map((field) => (
          <Field
            key={field}
            name={`group-${field}`}
            label={FIELD_LABELS[field]}
            value={adding[field]}
            placeholder={FIELD_INPUT[field].placeholder}
            type={FIELD_INPUT[field].type}
            maxlength={FIELD_INPUT[field].maxlength}
            error={addErrors[field]}
            onInput={(v) => {
              setAdding((x) => ({ ...x, [field]: v }));
              setAddErrors((e) => ({ ...e, [field]: undefined }));
            }}
          />
        ))}
        <SpButton variant="secondary" block onClick={add}>
          添加到名单
        </SpButton>
      </Section>

      {a.residentsOnly ? (
        <Chips<County>
          label="参加人居住区县（限本县居民）"
          options={COUNTY_OPTIONS}
          value={draft.residence ?? null}
          onChange={(v) => update({ ...draft, ...(v ? { residence: v } : {}) })}
        />
      ) : null}

      {draft.pending && !busy ? (
        <View className="group__error" role="alert">
          <View className="group__error-title">
            {failure?.kind === 'no-answer' ? `没有收到答复：${failure.message}` : '上次提交没有收到答复'}
          </View>
          {retrying
            ? '名单还在，没有丢失。点“重新提交”再发一次：同一份名单只会报名一次，不会重复。'
            : '名单改过了，将按新名单提交；上次如果已经报上，会显示“已经报过”。'}
        </View>
      ) : null}
      {failure?.kind === 'refused' ? (
        <View className="group__error" role="alert">
          {failure.message}
        </View>
      ) : null}
      {tried && problem ? (
        <View className="group__error" role="alert">
          {problem}
        </View>
      ) : null}
      <SpButton block loading={busy} disabled={busy} className="group__submit" onClick={() => void submit()}>
        {retrying ? '重新提交' : '提交团体报名'}
      </SpButton>
      <View className="group__privacy" onClick={() => void Taro.navigateTo({ url: routes.privacy })}>
        信息只用于本次报名 · 隐私保护指引
      </View>
    </View>
  );
}

/**
 * 团体报名: a village cadre or a teacher pastes a list of up to 50 people, checks the rows, and signs them all
 * up in one request; each person's outcome comes back on its own.
 */
export default function GroupSignupPage() {
  const activity = useRouteActivity();
  const a = activity.data;
  return (
    <PageShell title="团体报名" className="group">
      {!a ? (
        <LoadingOrError error={activity.error} onRetry={activity.reload} />
      ) : (
        <>
          <Section title={a.title}>
            <View>{formatSessionTime(a.startsAt)}</View>
            <View>{placeText(a.place)}</View>
            <View>{signupWindow(a) === 'open' ? seatsText(a) : signupWindowText(a)}</View>
            {ruleHints(a).map((h) => (
              <View key={h} className="group__hint">
                {h}
              </View>
            ))}
          </Section>
          <PrivacyGate>
            <GroupForm activity={a} onAnswered={() => void activity.reload()} />
          </PrivacyGate>
        </>
      )}
    </PageShell>
  );
}
