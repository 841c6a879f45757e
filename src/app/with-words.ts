import { loadCatalogues, type CatalogueGroup } from '../i18n';

/** A lazy screen's code and its words (lazy catalogue groups) load together. */
export const withWords =
  <T>(load: () => Promise<T>, ...groups: CatalogueGroup[]) =>
  () =>
    Promise.all([load(), loadCatalogues(...groups)]).then(([m]) => m);
