/**
 * The counter's "who is working" control: shows the current staff member and
 * switches to another after their PIN (the dialog is a lazy chunk). A shop
 * without staff shows nothing: its actions are the owner's.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentStaffId } from '../../db/hooks';
import type { ShopSettings } from '../../domain/shop';
import { activeStaff, staffName } from '../../domain/staff';

const StaffSwitchDialog = lazy(() => import('./StaffSwitchDialog'));

export default function StaffSwitch({ shop }: { shop: ShopSettings }) {
  const { t } = useTranslation();
  const current = useCurrentStaffId();
  const [open, setOpen] = useState(false);
  if (activeStaff(shop.staff).length === 0 || current === undefined) return null;
  const name = staffName(shop.staff, current) ?? t('staff.owner');
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('staff.current', { name })}
      </button>
      {open && (
        <Suspense fallback={null}>
          <StaffSwitchDialog shop={shop} current={current} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
