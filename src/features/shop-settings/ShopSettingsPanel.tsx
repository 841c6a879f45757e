/** The owner's shop settings: details, then the owner PIN. */
import type { ShopSettings } from '../../domain/shop';
import { OwnerPinForm } from './OwnerPinForm';
import { ShopDetailsForm } from './ShopDetailsForm';
import './shop-settings.css';

export default function ShopSettingsPanel({ shop }: { shop: ShopSettings }) {
  return (
    <>
      <ShopDetailsForm shop={shop} />
      <OwnerPinForm shop={shop} />
    </>
  );
}
