/** A short id for a promotion, tier or reward the owner adds (unique within the shop's lists). */
export function newRowId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 12);
}
