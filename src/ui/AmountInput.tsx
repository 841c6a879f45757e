/**
 * A labelled field for an amount of money or a count, read the way people in
 * the shop's country type it ("50.000", "Rp 50.000", "29,90", "RM 29.90"),
 * saying under it what it understood ("= Rp 50.000") or why it cannot read it.
 *
 * The value is a number (NaN while empty or unreadable); what the person typed
 * stays as typed. Setting the value from outside (e.g. NaN after a sale) shows
 * it afresh. Its words are in the "program" catalogue group: a screen using it
 * loads that group (the program settings and a program shop's counter do).
 */
import { useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AMOUNT_MAX,
  currencyDecimals,
  formatAmountInput,
  formatMoney,
  readMoney,
  readNumber,
  type AmountProblem,
  type AmountReading,
} from '../domain/amount';
import type { Currency } from '../domain/shop';
import { readerLocales } from '../i18n/format';
import './amount-input.css';

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type' | 'id' | 'max'
>;

export interface AmountInputProps extends InputProps {
  /** The field's name; it is the input's accessible name. */
  label: ReactNode;
  /** The amount; NaN while the field is empty or unreadable. */
  value: number;
  onChange: (value: number, problem: AmountProblem | null) => void;
  /** Money in this currency (its signs and decimals); without it, a plain number. */
  currency?: Currency;
  /** Decimals a plain number may have: 0 for counts (the default), 2 for a multiplier. */
  fractionDigits?: number;
  /** The largest value the field takes. */
  max?: number;
  /** The form's own message about the value (e.g. out of range), once the text reads. */
  error?: string | null;
  hint?: ReactNode;
  /** The locale numbers are read and written in: the shop's, unless given. */
  locale?: string;
  className?: string;
}

/** What each kind of field shows as an example of the right way to write it. */
const EXAMPLE = { whole: 50_000, cents: 1234.5, count: 1000, decimal: 1.5 };

export function AmountInput({
  label,
  value,
  onChange,
  currency,
  fractionDigits = 0,
  max = AMOUNT_MAX,
  error,
  hint,
  locale: givenLocale,
  className,
  onBlur,
  ...inputProps
}: AmountInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const locale = givenLocale ?? readerLocales().numbers;
  const digits = currency ? currencyDecimals(currency) : fractionDigits;
  const show = (v: number) => (Number.isFinite(v) ? formatAmountInput(v, digits, locale) : '');
  const read = (text: string): AmountReading =>
    currency
      ? readMoney(text, currency, locale, max)
      : readNumber(text, { locale, fractionDigits: digits, max });

  const [text, setText] = useState(() => show(value));
  const [emitted, setEmitted] = useState(value);
  // A problem shows once the person has left the field: "50.00" is on its way to "50.000".
  const [touched, setTouched] = useState(false);
  if (!Object.is(value, emitted)) {
    // Set from outside (a reset after a sale, a saved setting): show the new value.
    setEmitted(value);
    setText(show(value));
    setTouched(false);
  }

  const reading = read(text);
  const problem = !reading.ok && reading.problem !== 'empty' ? reading.problem : null;
  const example = currency
    ? formatMoney(digits === 0 ? EXAMPLE.whole : EXAMPLE.cents, currency, locale)
    : formatAmountInput(digits === 0 ? EXAMPLE.count : EXAMPLE.decimal, digits, locale);
  const problemText =
    problem &&
    t(`amountInput.problem.${problem === 'decimals' && !currency ? 'wholeNumber' : problem}`, {
      example,
      currency: currency ? t(`currencies.${currency}`) : '',
      max: currency ? formatMoney(max, currency, locale) : formatAmountInput(max, digits, locale),
    });
  // The form's own message (after a save was tried) also brings out the reading's problem.
  const message = problemText && (touched || error) ? problemText : reading.ok ? error : null;
  const understood =
    reading.ok && (currency || show(reading.value) !== text.trim())
      ? t('amountInput.understood', {
          amount: currency
            ? formatMoney(reading.value, currency, locale)
            : formatAmountInput(reading.value, digits, locale),
        })
      : null;

  const readId = `${id}-read`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [understood ? readId : null, hint ? hintId : null, message ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={`field amount-input${message ? ' field--error' : ''}${className ? ` ${className}` : ''}`}
    >
      <label htmlFor={id}>{label}</label>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        {...inputProps}
        id={id}
        value={text}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => {
          const next = read(e.target.value);
          const v = next.ok ? next.value : NaN;
          setText(e.target.value);
          setEmitted(v);
          onChange(v, next.ok ? null : next.problem);
        }}
        onBlur={(e) => {
          setTouched(true);
          onBlur?.(e);
        }}
      />
      {understood && (
        <p className="amount-input__read" id={readId}>
          {understood}
        </p>
      )}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {message && (
        <p className="field__error" id={errorId} role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
