/** What the owner or cashier typed as the server: an http(s) origin without trailing slashes, or null. */
export function serverAddress(typed: string): string | null {
  const address = typed.trim().replace(/\/+$/, '');
  return /^https?:\/\/[^\s/]+(\/\S*)?$/.test(address) ? address : null;
}
