/** A number field that keeps what the owner types ("1." on the way to "1.5"); empty = NaN. */
import { useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: number;
  onValue: (value: number) => void;
};

export function NumberInput({ value, onValue, ...rest }: Props) {
  const [text, setText] = useState(Number.isFinite(value) ? String(value) : '');
  return (
    <input
      type="text"
      inputMode="decimal"
      autoComplete="off"
      {...rest}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const trimmed = e.target.value.trim().replace(',', '.');
        onValue(trimmed === '' ? NaN : Number(trimmed));
      }}
    />
  );
}
