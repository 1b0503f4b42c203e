import { Button } from '@tarojs/components';
import type { ButtonProps } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

type Variant = 'primary' | 'secondary' | 'danger' | 'text';

export interface SpButtonProps extends Omit<ButtonProps, 'type' | 'size'> {
  variant?: Variant;
  block?: boolean;
  small?: boolean;
  children: ReactNode;
}

/** The app's button: ≥ 2.75rem tall (44 px; 60 px in 长辈模式), rem text, high-contrast colours. */
export default function SpButton({
  variant = 'primary',
  block,
  small,
  className = '',
  children,
  ...rest
}: SpButtonProps) {
  const classes = [
    'sp-btn',
    `sp-btn--${variant}`,
    block ? 'sp-btn--block' : '',
    small ? 'sp-btn--small' : '',
    rest.disabled ? 'sp-btn--disabled' : '',
    className,
  ];
  return (
    <Button className={classes.filter(Boolean).join(' ')} hoverClass="sp-btn--hover" {...rest}>
      {children}
    </Button>
  );
}
