/** The catalogue key that explains a failed call, by the server's error code (tiny: the status line loads it first). */
export function syncErrorKey(code: string): string {
  const keys: Record<string, string> = {
    unreachable: 'sync.errors.unreachable',
    bad_code: 'sync.errors.badCode',
    wrong_pin: 'sync.errors.wrongPin',
    too_many_tries: 'sync.errors.tooMany',
    shop_exists: 'sync.errors.shopExists',
    bad_token: 'sync.errors.removedDevice',
    no_token: 'sync.errors.removedDevice',
    // Owner-area words (loaded with it): only owner actions are refused so.
    owner_only: 'sync.errors.ownerOnly',
  };
  return keys[code] ?? 'sync.errors.failed';
}
