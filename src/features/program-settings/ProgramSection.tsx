/** The owner's "Program" section: earning rules, reward catalogue and club (lazy: owner only). */
import type { ShopSettings } from '../../domain/shop';
import { CatalogueSettings } from './CatalogueSettings';
import { ClubSettings } from './ClubSettings';
import { ExpirySettings } from './ExpirySettings';
import { ProgramSettings } from './ProgramSettings';

export default function ProgramSection({ shop }: { shop: ShopSettings }) {
  return (
    <>
      <ProgramSettings shop={shop} />
      <CatalogueSettings shop={shop} />
      <ClubSettings shop={shop} />
      <ExpirySettings shop={shop} />
    </>
  );
}
