import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { CreatedInvitation, Invitation, Member, Role } from '@shared/api';
import { SCHOOL_ROLE_LABELS, type SchoolRole } from '@shared/roles';
import Chips from '@/components/chips';
import Field from '@/components/field';
import ListRow from '@/components/list-row';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import { EmptyState, ErrorState, Loading, LoadingOrError } from '@/components/state-view';
import { useMe } from '@/hooks/use-me';
import { useResource } from '@/hooks/use-resource';
import { formatSessionTime, groupCode } from '@/lib/format';
import { routes } from '@/lib/routes';
import { api, auth, describeError, isApiError } from '@/services';
import ShareButton from '../../components/share-button';
import { linkBase } from '../../lib/invite-link';
import InviteCode from '../../components/invite-code';
import {
  invitableRoles,
  inviteMessage,
  inviteTitle,
  joinLink,
  mayManage,
  peopleSchools,
} from '../../lib/people';
import '../../lib/staff.scss';
import './index.scss';

const ROLE_OPTIONS = (roles: SchoolRole[]) => roles.map((r) => ({ value: r, label: SCHOOL_ROLE_LABELS[r] }));

/**
 * 教师管理: a school's teachers and school admins (移除), its pending invitations (作废), and 邀请老师 — a
 * one-time code shown as a QR code, as text to type, and as a share card. For the city bureau (any school)
 * and school admins (their own).
 */
export default function StaffPeople() {
  const me = useMe();
  const roles = me.data?.roles ?? auth.current()?.roles ?? [];
  const scope = peopleSchools(roles);
  const catalog = useResource(scope === 'all' ? 'schools' : null, () => api.schools());
  const asked = useRouter().params.schoolId;
  const [picked, setPicked] = useState<string | null>(asked ?? null);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);

  const names = new Map<string, string>([
    ...(catalog.data?.items ?? []).map((s): [string, string] => [s.id, s.name]),
    ...(me.data?.schools ?? []).map((s): [string, string] => [s.schoolId, s.schoolName]),
  ]);
  const choices = scope === 'all' ? (catalog.data?.items ?? []).map((s) => s.id) : scope;
  const schoolId = picked ?? (choices.length === 1 ? (choices[0] ?? null) : null);
  const schoolName = (schoolId && names.get(schoolId)) || schoolId || '';

  useShareAppMessage(() =>
    created
      ? { title: inviteTitle(schoolName, created.role), path: routes.join(created.code) }
      : { title: '四平职教通', path: routes.home },
  );

  const choose = (id: string | null) => {
    setCreated(null);
    setPicked(id);
  };

  if (!me.data && !auth.current()?.roles) {
    return (
      <PageShell title="教师管理" className="staff">
        <LoadingOrError error={me.error} onRetry={me.reload} />
      </PageShell>
    );
  }
  if (scope !== 'all' && !scope.length) {
    return (
      <PageShell title="教师管理" className="staff">
        <EmptyState
          title="只有学校管理员可以管理老师"
          hint="如需邀请老师加入，请联系本校的学校管理员或市教育局。"
          action="回到学校工作台"
          onAction={() => void Taro.navigateBack()}
        />
      </PageShell>
    );
  }
  if (!schoolId) {
    return (
      <PageShell title="教师管理" className="staff">
        <View className="staff__title">选择学校</View>
        <View className="staff__muted people__lead">选一所学校，查看它的老师和邀请。</View>
        {scope === 'all' && !catalog.data ? (
          <LoadingOrError error={catalog.error} onRetry={catalog.reload} />
        ) : null}
        <View className="staff__card people__list">
          {(catalog.data?.items ?? []).map((s) => (
            <ListRow
              key={s.id}
              title={s.name}
              detail={[s.county, s.kind].filter(Boolean).join(' · ')}
              onClick={() => choose(s.id)}
            />
          ))}
          {scope === 'all'
            ? null
            : scope.map((id) => <ListRow key={id} title={names.get(id) ?? id} onClick={() => choose(id)} />)}
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell title="教师管理" className="staff">
      <View className="people__head">
        <View className="staff__title">{schoolName}</View>
        {choices.length > 1 ? (
          <SpButton small variant="text" onClick={() => choose(null)}>
            换一所学校
          </SpButton>
        ) : null}
      </View>
      <SchoolPeople
        key={schoolId}
        schoolId={schoolId}
        schoolName={schoolName}
        roles={roles}
        myUserId={me.data?.userId ?? auth.current()?.userId}
        created={created}
        onCreated={setCreated}
      />
    </PageShell>
  );
}

function SchoolPeople({
  schoolId,
  schoolName,
  roles,
  myUserId,
  created,
  onCreated,
}: {
  schoolId: string;
  schoolName: string;
  roles: readonly Role[];
  myUserId?: string;
  created: CreatedInvitation | null;
  onCreated: (invitation: CreatedInvitation | null) => void;
}) {
  const members = useResource(`staff:members:${schoolId}`, () => api.staffMembers(schoolId));
  const pending = useResource(`staff:invitations:${schoolId}`, () => api.staffInvitations(schoolId));
  const invitable = invitableRoles(roles, schoolId);
  const [role, setRole] = useState<SchoolRole>('teacher');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState('');
  const [busy, setBusy] = useState(false);

  const invite = async () => {
    setBusy(true);
    setNoteError('');
    try {
      const invitation = await api.staffInvite({ schoolId, role, note: note.trim() || undefined });
      onCreated(invitation);
      setNote('');
      await pending.reload();
    } catch (error) {
      const field = isApiError(error) ? error.fields.find((f) => f.field === 'note') : undefined;
      if (field) setNoteError(field.message);
      else void Taro.showModal({ title: '没有生成邀请码', content: describeError(error), showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (m: Member) => {
    const label = SCHOOL_ROLE_LABELS[m.role];
    const { confirm } = await Taro.showModal({
      title: `移除${label}`,
      content: `确定把用户编号 ${groupCode(m.shortId)}（${label}）移出${schoolName}吗？移除后对方马上不能再使用本校的学校工作台，已发布的活动仍然保留。`,
      confirmText: '移除',
      cancelText: '不移除',
      confirmColor: '#b42318',
    });
    if (!confirm) return;
    try {
      await api.staffRemoveMember(schoolId, m.userId);
      void Taro.showToast({ title: '已移除', icon: 'success' });
    } catch (error) {
      void Taro.showModal({ title: '没有移除成功', content: describeError(error), showCancel: false });
    }
    await members.reload();
  };

  const cancel = async (i: Invitation) => {
    const { confirm } = await Taro.showModal({
      title: '作废邀请',
      content: '作废后，这个邀请码和二维码就不能再用来加入学校了。确定作废吗？',
      confirmText: '作废',
      cancelText: '不作废',
      confirmColor: '#b42318',
    });
    if (!confirm) return;
    try {
      await api.staffCancelInvitation(i.id);
      if (created?.id === i.id) onCreated(null);
      void Taro.showToast({ title: '已作废', icon: 'success' });
    } catch (error) {
      void Taro.showModal({ title: '没有作废成功', content: describeError(error), showCancel: false });
    }
    await pending.reload();
  };

  const link = created ? joinLink(created.code, linkBase()) : '';
  const expires = created ? formatSessionTime(created.expiresAt) : '';
  return (
    <>
      <View className="staff__card">
        <View className="staff__card-title">
          {invitable.length > 1 ? '邀请老师或学校管理员' : '邀请老师'}
        </View>
        {invitable.length > 1 ? (
          <Chips<SchoolRole>
            label="邀请的身份"
            options={ROLE_OPTIONS(invitable)}
            value={role}
            onChange={(v) => v && setRole(v)}
          />
        ) : (
          <View className="staff__muted">
            对方扫码或输入邀请码后，就成为本校老师，可以发布活动、查看名单和签到。
          </View>
        )}
        <Field
          name="invite-note"
          label="备注（选填）"
          value={note}
          placeholder="例如 张老师 · 农学专业"
          maxlength={40}
          error={noteError}
          onInput={setNote}
        />
        <SpButton block disabled={busy} onClick={() => void invite()}>
          {busy ? '正在生成…' : `生成邀请${SCHOOL_ROLE_LABELS[role]}的二维码`}
        </SpButton>
        {created ? (
          <View className="people__invite" role="status">
            <View className="people__invite-title">已生成邀请（{SCHOOL_ROLE_LABELS[created.role]}）</View>
            <InviteCode invitation={created} link={link} />
            <View className="staff__muted">或在“我的 → 加入学校”输入邀请码：</View>
            <View className="people__code">{groupCode(created.code)}</View>
            <View className="staff__line">有效期至 {expires}，只能使用一次。</View>
            <View className="staff__muted">
              离开本页后不再显示这个邀请码；如果弄丢了，可以作废后重新邀请。
            </View>
            <View className="people__buttons">
              <ShareButton
                message={inviteMessage(schoolName, created.role, link, groupCode(created.code), expires)}
              />
              <SpButton
                block
                variant="secondary"
                onClick={() => void Taro.setClipboardData({ data: groupCode(created.code) })}
              >
                复制邀请码
              </SpButton>
            </View>
          </View>
        ) : null}
      </View>

      <View className="staff__title people__section">本校老师和管理员</View>
      {members.loading && !members.data ? <Loading /> : null}
      {members.error && !members.data ? <ErrorState error={members.error} onRetry={members.reload} /> : null}
      {members.data && !members.data.items.length ? (
        <EmptyState title="还没有老师" hint="点上面的按钮生成邀请二维码，发给老师扫一扫。" />
      ) : null}
      {members.data?.items.map((m) => (
        <View key={m.userId} className="staff__card people__member">
          <View className="people__row">
            <View className="staff__card-title">用户编号 {groupCode(m.shortId)}</View>
            <View className="staff__tag">{SCHOOL_ROLE_LABELS[m.role]}</View>
          </View>
          <View className="staff__muted">
            {m.userId === myUserId ? '我 · ' : ''}
            {formatSessionTime(m.since)} 加入{m.note ? ` · ${m.note}` : ''}
          </View>
          {mayManage(roles, schoolId, m.role) && m.userId !== myUserId ? (
            <View className="people__actions">
              <SpButton small variant="danger" onClick={() => void remove(m)}>
                移除
              </SpButton>
            </View>
          ) : null}
        </View>
      ))}

      <View className="staff__title people__section">还没使用的邀请</View>
      {pending.error && !pending.data ? <ErrorState error={pending.error} onRetry={pending.reload} /> : null}
      {pending.data && !pending.data.items.length ? (
        <View className="staff__muted">没有待使用的邀请。</View>
      ) : null}
      {pending.data?.items.map((i) => (
        <View key={i.id} className="staff__card people__pending">
          <View className="people__row">
            <View className="staff__card-title">待加入的{SCHOOL_ROLE_LABELS[i.role]}</View>
            {mayManage(roles, schoolId, i.role) ? (
              <SpButton small variant="danger" onClick={() => void cancel(i)}>
                作废
              </SpButton>
            ) : null}
          </View>
          <View className="staff__muted">
            {i.note ? `${i.note} · ` : ''}有效期至 {formatSessionTime(i.expiresAt)}
          </View>
        </View>
      ))}
    </>
  );
}
