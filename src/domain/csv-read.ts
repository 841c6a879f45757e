/**
 * Reading CSV files as people have them: bytes in any common encoding, parsed
 * with papaparse, the delimiter detected. Pure: no storage, no clock.
 */
import Papa from 'papaparse';
import { BOM } from './csv';

/** A file larger than this is refused with a message (a 100,000-member export is ~15 MB). */
export const MAX_CSV_BYTES = 40 * 1024 * 1024;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeResult =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; error: 'empty' | 'tooLarge' | 'binary' };

/**
 * Bytes to text: a BOM decides; else UTF-16 is recognised by its zero bytes;
 * else strict UTF-8, and when that fails Windows-1252 (what Excel saves on a
 * Windows PC). NUL or other control bytes in the text mean it is not a CSV at all.
 */
export function decodeCsv(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_CSV_BYTES) return { ok: false, error: 'tooLarge' };
  const encoding = detectEncoding(bytes);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: encoding !== 'windows-1252' }).decode(bytes);
  } catch {
    if (encoding !== 'utf-8') return { ok: false, error: 'binary' };
    text = new TextDecoder('windows-1252').decode(bytes);
    return checked(text, 'windows-1252');
  }
  return checked(text, encoding);
}

function checked(raw: string, encoding: Encoding): DecodeResult {
  const text = raw.startsWith(BOM) ? raw.slice(1) : raw;
  if (text.trim().length === 0) return { ok: false, error: 'empty' };
  // Look at the start only: a real CSV has no control characters besides tab, CR and LF.
  const sample = text.slice(0, 65536);
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  const control = sample.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  if (control > 0 && (sample.includes('\u0000') || control / sample.length > 0.001))
    return { ok: false, error: 'binary' };
  return { ok: true, text, encoding };
}

function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // Without a BOM, UTF-16 of mostly-Latin text has a zero in every other byte.
  const n = Math.min(bytes.length, 4096) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (pairs >= 2 && oddZeros / pairs > 0.4 && evenZeros / pairs < 0.1) return 'utf-16le';
  if (pairs >= 2 && evenZeros / pairs > 0.4 && oddZeros / pairs < 0.1) return 'utf-16be';
  return 'utf-8';
}

export interface ParsedCsv {
  /** Every record, the header first; each record's cells as written. */
  rows: string[][];
  delimiter: string;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Parses CSV text with papaparse, with the delimiter guessed (comma, semicolon, tab or bar). */
export function parseCsv(text: string): ParsedCsv {
  const delimiter = guessDelimiter(text);
  const rows = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data;
  // A final line break leaves an empty last record: it is not a row.
  while (rows.length > 0 && rows.at(-1)!.length === 1 && rows.at(-1)![0] === '') rows.pop();
  return { rows, delimiter };
}

/** The delimiter that splits the first lines into the most columns, consistently. */
function guessDelimiter(text: string): string {
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 1 };
  for (const delimiter of DELIMITERS) {
    const sample = Papa.parse<string[]>(text, {
      delimiter,
      preview: 30,
      skipEmptyLines: 'greedy',
    }).data;
    const width = sample[0]?.length ?? 0;
    const consistent = sample.filter((r) => r.length === width).length / (sample.length || 1);
    if (consistent < 0.8 || width < 2) continue;
    // A consistent comma split wins: other delimiters may well appear inside its cells.
    if (delimiter === ',') return ',';
    if (width > best.score) best = { delimiter, score: width };
  }
  return best.delimiter;
}
