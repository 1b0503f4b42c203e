import { randomBytes } from 'node:crypto';
import type { FamilyMember, FamilyMemberInput } from '../../../shared/schemas/signup';
import { toIso } from '../../../shared/time';
import type { Caller } from '../access';
import { DomainError } from '../errors';
import type { Clock } from '../clock';
import type { FamilyStore } from './ports';

/** An account keeps at most this many people it enrols. */
export const FAMILY_LIMIT = 20;

export interface FamilyDeps {
  family: FamilyStore;
  clock: Clock;
}

export function listFamily(deps: FamilyDeps, caller: Caller): Promise<FamilyMember[]> {
  return deps.family.list(caller.userId);
}

export async function addFamilyMember(
  deps: FamilyDeps,
  caller: Caller,
  input: FamilyMemberInput,
): Promise<FamilyMember> {
  const member: FamilyMember = {
    ...input,
    id: `m-${randomBytes(6).toString('hex')}`,
    createdAt: toIso(deps.clock.now()),
  };
  if ((await deps.family.put(caller.userId, member, FAMILY_LIMIT)) === 'limit')
    throw new DomainError('FAMILY_LIMIT_REACHED');
  return member;
}

export async function updateFamilyMember(
  deps: FamilyDeps,
  caller: Caller,
  id: string,
  input: FamilyMemberInput,
): Promise<FamilyMember> {
  const existing = (await deps.family.list(caller.userId)).find((m) => m.id === id);
  if (!existing) throw new DomainError('FAMILY_MEMBER_NOT_FOUND');
  const member: FamilyMember = { ...input, id, createdAt: existing.createdAt };
  await deps.family.put(caller.userId, member, FAMILY_LIMIT);
  return member;
}

export async function removeFamilyMember(deps: FamilyDeps, caller: Caller, id: string): Promise<void> {
  if (!(await deps.family.remove(caller.userId, id))) throw new DomainError('FAMILY_MEMBER_NOT_FOUND');
}
