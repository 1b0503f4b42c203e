import Taro from '@tarojs/taro';
import { describeError, isApiError, type ApiError } from '@/services';
import { formErrors, type FormErrors } from './school-form';

/** A form checked against its shared schema: the body to send, nothing changed, or the fields to fix. */
export type FormCheck<T, K extends string> =
  | { ok: true; value: T }
  | { ok: false; unchanged: true }
  | { ok: false; unchanged?: false; errors: FormErrors<K> };

/**
 * Sends a checked catalog form, as 学校信息 and the major form both do: nothing changed is said, a form with
 * mistakes marks them, a refusal from the server marks its fields and says why. `onConflict` handles an edit
 * made meanwhile by someone else (409 EDIT_CONFLICT) where the page can read the item again.
 */
export async function submitForm<T, K extends string, R>(
  checked: FormCheck<T, K>,
  send: (value: T) => Promise<R>,
  page: {
    setErrors: (errors: FormErrors<K>) => void;
    setBusy: (busy: boolean) => void;
    errorKey: (field: string) => K | 'form';
    saved: (result: R) => void;
    onConflict?: (error: ApiError) => Promise<void>;
  },
): Promise<void> {
  if (!checked.ok) {
    page.setErrors(checked.unchanged ? {} : checked.errors);
    void Taro.showToast({
      title: checked.unchanged ? '没有需要保存的修改' : '请检查标红的内容',
      icon: 'none',
    });
    return;
  }
  page.setErrors({});
  page.setBusy(true);
  try {
    page.saved(await send(checked.value));
    void Taro.showToast({ title: '已保存', icon: 'success' });
  } catch (error) {
    if (page.onConflict && isApiError(error) && error.code === 'EDIT_CONFLICT') {
      await page.onConflict(error);
      return;
    }
    if (isApiError(error) && error.fields.length) page.setErrors(formErrors(error.fields, page.errorKey));
    void Taro.showModal({ title: '没有保存成功', content: describeError(error), showCancel: false });
  } finally {
    page.setBusy(false);
  }
}
