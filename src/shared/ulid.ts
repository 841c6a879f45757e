/**
 * ULIDs (https://github.com/ulid/spec): 48 bits of time and 80 random bits in
 * Crockford's base 32, so ids sort by creation time. Monotonic: ids made in the
 * same millisecond (or with a clock that stepped back) still sort in the order
 * they were made. Written here because the counter's first load has no bytes
 * to spare for a library (ulidx and its error helper cost ~1.7 KB gzip).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_MAX = 2 ** 48 - 1;

function checkTime(now: number): void {
  if (!Number.isInteger(now) || now < 0 || now > TIME_MAX) throw new RangeError('bad ULID time');
}

export function encodeTime(now: number): string {
  checkTime(now);
  let out = '';
  for (let i = 0, t = now; i < 10; i++, t = Math.floor(t / 32)) out = ALPHABET[t % 32]! + out;
  return out;
}

/** Milliseconds since the epoch encoded in a ULID. */
export function decodeTime(id: string): number {
  let t = 0;
  for (const c of id.slice(0, 10).toUpperCase()) t = t * 32 + ALPHABET.indexOf(c);
  return t;
}

/** A ULID factory; `random` fills a byte array (crypto.getRandomValues by default). */
export function monotonicFactory(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b),
): (now: number) => string {
  let lastTime = -1;
  let lastRandom: number[] = [];
  return (now) => {
    // Refused before it is kept: a bad time must not become the one later ids follow.
    checkTime(now);
    if (now <= lastTime) {
      // Same millisecond (or an earlier clock): the last random part plus one, in base 32.
      let i = lastRandom.length - 1;
      while (i >= 0 && lastRandom[i] === 31) lastRandom[i--] = 0;
      if (i < 0) throw new Error('ULID random part overflowed');
      lastRandom[i]! += 1;
    } else {
      lastTime = now;
      lastRandom = [...random(new Uint8Array(16))].map((b) => b & 31);
    }
    return encodeTime(lastTime) + lastRandom.map((d) => ALPHABET[d]).join('');
  };
}
