import { Input, Textarea, View } from '@tarojs/components';
import type { InputProps } from '@tarojs/components';
import './index.scss';

export interface FieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  error?: string;
  hint?: string;
  placeholder?: string;
  type?: InputProps['type'];
  maxlength?: number;
  name: string;
  /** A multi-line box (简介, 就业方向 …) styled by the given class, in place of the one-line input. */
  multiline?: { className: string };
}

/** A labelled input with its error underneath (role=alert so it is read out). */
export default function Field({
  label,
  value,
  onInput,
  onBlur,
  error,
  hint,
  placeholder,
  type,
  maxlength,
  name,
  multiline,
}: FieldProps) {
  const control = {
    name,
    value,
    maxlength,
    placeholder,
    placeholderClass: 'sp-field__placeholder',
    onInput: (e: { detail: { value: string } }) => onInput(e.detail.value),
    onBlur,
    nativeProps: { 'aria-label': label, 'aria-invalid': error ? 'true' : 'false', id: `field-${name}` },
  };
  return (
    <View className={`sp-field ${error ? 'sp-field--error' : ''}`}>
      <View className="sp-field__label">{label}</View>
      {multiline ? (
        <Textarea className={multiline.className} {...control} />
      ) : (
        <Input className="sp-field__input" type={type} {...control} />
      )}
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
