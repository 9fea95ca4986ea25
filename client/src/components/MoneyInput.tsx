import { TextInput, type TextInputProps } from '@mantine/core';
import { forwardRef } from 'react';

// An amount in pounds and pence, typed as text (see lib/money.ts for reading it).
export const MoneyInput = forwardRef<HTMLInputElement, TextInputProps>(function MoneyInput(props, ref) {
  return <TextInput ref={ref} leftSection="£" inputMode="decimal" autoComplete="off" {...props} />;
});
