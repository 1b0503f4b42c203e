import Taro from '@tarojs/taro';
import { ERRORS, type ErrorBody, type ErrorCode } from '@shared/errors';
import { ApiError, NetworkError } from './errors';

/**
 * Where the API lives. TARO_APP_API_BASE wins when set. Otherwise the H5 build calls `/api` on its own
 * origin (the local stack's static server proxies it to the API, so any port works), and the weapp build
 * calls the local stack directly. A release build for WeChat must set the ICP-filed HTTPS domain listed
 * in the console's 服务器域名 — WeChat refuses plain HTTP, IPs and localhost outside DevTools.
 */
export const API_BASE: string =
  process.env.TARO_APP_API_BASE || (process.env.TARO_ENV === 'h5' ? '/api' : 'http://127.0.0.1:3000');

export type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Query;
  /** Sent as JSON; an ArrayBuffer (a file to upload) is sent as it is with the Content-Type in `headers`. */
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export function buildQuery(query: Query = {}): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function isErrorBody(data: unknown): data is ErrorBody {
  const error = (data as ErrorBody | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.code === 'string';
}

/** Turns a non-2xx answer into an ApiError carrying the server's Chinese message and field issues. */
export function toApiError(status: number, data: unknown): ApiError {
  if (isErrorBody(data)) {
    const { code, message, fields, requestId } = data.error;
    return new ApiError(status, code, message || ERRORS.INTERNAL.message, fields ?? [], requestId);
  }
  const fallback: ErrorCode = status === 401 ? 'UNAUTHORIZED' : status === 404 ? 'NOT_FOUND' : 'INTERNAL';
  return new ApiError(status, status >= 500 ? 'INTERNAL' : 'UNKNOWN', ERRORS[fallback].message);
}

/** The one caller of Taro.request: JSON in and out, typed errors, no retries of its own. */
export async function request<T>(options: RequestOptions): Promise<T> {
  const { method = 'GET', path, query, body, token, headers = {}, timeoutMs = 15000 } = options;
  const header: Record<string, string> = { Accept: 'application/json', ...headers };
  if (body !== undefined && !header['Content-Type']) header['Content-Type'] = 'application/json';
  if (token) header.Authorization = `Bearer ${token}`;
  let response: Taro.request.SuccessCallbackResult<Record<string, unknown> | string>;
  try {
    response = await Taro.request({
      url: `${API_BASE}${path}${buildQuery(query)}`,
      method,
      header,
      // Both platforms serialise an object body as JSON when Content-Type says so; an ArrayBuffer goes as it is.
      data: body as Record<string, unknown> | ArrayBuffer | undefined,
      dataType: 'json',
      timeout: timeoutMs,
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const { statusCode, data } = response;
  if (statusCode >= 200 && statusCode < 300) return data as T;
  throw toApiError(statusCode, data);
}
