import type { FamilyMember } from '../../../shared/schemas/signup';

export interface FamilyStore {
  list(userId: string): Promise<FamilyMember[]>;
  put(userId: string, member: FamilyMember, limit: number): Promise<'saved' | 'limit'>;
  remove(userId: string, id: string): Promise<boolean>;
}
