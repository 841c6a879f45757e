/**
 * The counter's "Amount spent" (amount mode, lazy with the program's part of
 * the panel): read the shop's way ("50.000", "Rp 50.000"), saying what it
 * understood; more than any one sale could be is refused (domain largestSale).
 */
import { useTranslation } from 'react-i18next';
import type { AmountProblem } from '../../domain/amount';
import type { ShopSettings } from '../../domain/shop';
import { largestSale } from '../../domain/stamp/rules';
import { AmountInput } from '../../ui/AmountInput';

interface Props {
  shop: ShopSettings;
  value: number;
  onChange: (value: number, problem: AmountProblem | null) => void;
  /** Bring out why the field cannot take what was typed (Add stamp pressed, or far too much). */
  showProblem: boolean;
}

export default function CounterAmount({ shop, value, onChange, showProblem }: Props) {
  const { t } = useTranslation();
  const max = shop.program ? largestSale(shop.program) : undefined;
  return (
    <AmountInput
      className="panel__amount"
      label={t('counter.amountSpent', { currency: shop.currency })}
      currency={shop.currency}
      value={value}
      onChange={onChange}
      error={showProblem ? t('errors.amount.invalid') : null}
      {...(max !== undefined && Number.isFinite(max) ? { max } : {})}
    />
  );
}
