import * as v from 'valibot';

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

export const MineQuerySchema = v.strictObject(
  {
    cursor: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,2048}$/, '分页参数不正确'))),
    limit: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^\d{1,3}$/, '每页条数应为 1–100 的整数'),
        v.transform(Number),
        v.minValue(1),
        v.maxValue(100),
      ),
    ),
  },
  '不支持的查询条件',
);
