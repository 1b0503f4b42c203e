import type { ErrorCode, FieldIssue } from '@shared/errors';

/** The server answered and refused: a 4xx/5xx with the API's `{"error":{code,message,fields}}` body. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'UNKNOWN',
    message: string,
    readonly fields: FieldIssue[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }

  /** 5xx, 408 and 429 may succeed later; every other 4xx is the server's final word. */
  get retryable(): boolean {
    return this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

/** No answer at all: offline, DNS, timeout. The request may be retried as it is. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(override readonly cause?: unknown) {
    super('网络连接不可用，请检查网络后重试');
  }
}

export function isNetworkError(error: unknown): error is NetworkError {
  return error instanceof NetworkError || (error as { name?: string } | null)?.name === 'NetworkError';
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError || (error as { name?: string } | null)?.name === 'ApiError';
}

/** The server's final word (a 4xx other than 408/429): sending the same request again cannot change it. */
export function isFinalRefusal(error: unknown): error is ApiError {
  return isApiError(error) && !error.retryable;
}

/** What to tell the user about any failure, in Chinese. */
export function describeError(error: unknown): string {
  if (isNetworkError(error)) return error.message;
  if (isApiError(error)) return error.message;
  return '出了点问题，请稍后重试';
}
