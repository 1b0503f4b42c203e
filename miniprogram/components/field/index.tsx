import { Input, View } from '@tarojs/components';
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
}: FieldProps) {
  return (
    <View className={`sp-field ${error ? 'sp-field--error' : ''}`}>
      <View className="sp-field__label">{label}</View>
      <Input
        className="sp-field__input"
        name={name}
        value={value}
        type={type}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass="sp-field__placeholder"
        onInput={(e) => onInput(e.detail.value)}
        onBlur={onBlur}
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
