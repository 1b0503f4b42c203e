import { Textarea, View } from '@tarojs/components';

/**
 * A labelled multi-line box with its error underneath, styled as the app's Field (简介, 就业方向 …). WeChat's
 * <textarea> template is in the main package already (团体报名 uses one), so this adds nothing there.
 */
export default function TextAreaField({
  label,
  value,
  onInput,
  error,
  hint,
  placeholder,
  maxlength = 1000,
  name,
}: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  hint?: string;
  placeholder?: string;
  maxlength?: number;
  name: string;
}) {
  return (
    <View className={`sp-field ${error ? 'sp-field--error' : ''}`}>
      <View className="sp-field__label">{label}</View>
      <Textarea
        className="edit__textarea"
        name={name}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass="sp-field__placeholder"
        onInput={(e) => onInput(e.detail.value)}
        nativeProps={{ 'aria-label': label, 'aria-invalid': error ? 'true' : 'false', id: `field-${name}` }}
      />
      {error ? (
        <View className="sp-field__error" role="alert">
          {error}
        </View>
      ) : hint ? (
        <View className="sp-field__hint">{hint}</View>
      ) : null}
    </View>
  );
}
