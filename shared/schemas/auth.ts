import * as v from 'valibot';
import { PageQuerySchema } from './common';

export const LoginInputSchema = v.strictObject(
  {
    code: v.pipe(
      v.string('缺少登录凭证'),
      v.minLength(1, '缺少登录凭证'),
      v.maxLength(128, '登录凭证格式不正确'),
    ),
  },
  '登录请求包含不支持的字段',
);
export type LoginInput = v.InferOutput<typeof LoginInputSchema>;

export const MineQuerySchema = PageQuerySchema;
