import { COMPLETION_CODE_PATTERN } from '../../shared/schemas/staff';
import { verifyCompletion } from '../domain/attendance';
import { DomainError } from '../domain/errors';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) => {
  const code = req.pathParameters.code ?? '';
  if (!COMPLETION_CODE_PATTERN.test(code)) throw new DomainError('COMPLETION_NOT_FOUND');
  return ok(await verifyCompletion(stores, code));
});
