/**
 * The owner's Members section: the list of every member, and one member's
 * page. The list's rows stay loaded while a member is open, and refresh after.
 */
import { useMemo, useState } from 'react';
import type { ShopSettings } from '../../domain/shop';
import type { Tier } from '../../domain/stamp/rules';
import { MemberDetail } from './MemberDetail';
import { MembersList } from './MembersList';
import { useMemberRows } from './useMemberRows';
import './members.css';

/** The program's tiers, when the shop has a program with tiers (an optional setting). */
function programTiers(shop: ShopSettings): Tier[] {
  const program = (shop as { program?: { tiers?: Tier[] } }).program;
  return program?.tiers ?? [];
}

export default function MembersPanel({ shop }: { shop: ShopSettings }) {
  const tiers = useMemo(() => programTiers(shop), [shop]);
  const data = useMemberRows(tiers);
  const [open, setOpen] = useState<string | null>(null);

  // The list stays mounted (hidden) while a member is open: its sort and filter survive.
  return (
    <>
      {open && (
        <MemberDetail
          memberId={open}
          shop={shop}
          onBack={() => {
            setOpen(null);
            data.reload();
          }}
        />
      )}
      <div hidden={open !== null}>
        <MembersList data={data} tiers={tiers} onOpen={setOpen} />
      </div>
    </>
  );
}
