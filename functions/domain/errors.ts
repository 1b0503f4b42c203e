import { ERRORS, type ErrorCode, type FieldIssue } from '../../shared/errors';

/**
 * A refusal the user can act on. It carries a code from shared/errors.ts; the HTTP layer turns it into
 * the status and Chinese message listed there.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldIssue[];
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    options: { message?: string; fields?: FieldIssue[]; details?: Record<string, unknown> } = {},
  ) {
    super(options.message ?? ERRORS[code].message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function validationFailed(fields: FieldIssue[]): DomainError {
  return new DomainError('VALIDATION_FAILED', { fields });
}
