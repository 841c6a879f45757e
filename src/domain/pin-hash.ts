/** How a PIN is kept: only as a salted, slow hash (src/shared/pin.ts makes and checks it). */
export interface PinHash {
  algorithm: 'PBKDF2-SHA256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64 */
  hash: string;
}
