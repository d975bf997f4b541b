import { inflateRawSync } from 'node:zlib';
import type { SheetIssueCode } from '../../core/sheet/issues';
import type { ProblemParams } from '../../core/survey-problem-messages';

/** What a workbook may unpack to before any XML is parsed. */
export type ZipLimits = { maxEntries: number; maxUnpackedBytes: number; maxCells: number };

/** Why an upload was refused before parsing, as a sheet issue code and its params. */
export type ZipRefusal = { code: SheetIssueCode; params: ProblemParams };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

const refuse = (code: SheetIssueCode, params: ProblemParams = {}): ZipRefusal => ({ code, params });

/** The end-of-central-directory record's offset, searched backwards past a comment of up to 64 KiB. */
function findEnd(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) if (zip.readUInt32LE(at) === EOCD) return at;
  return -1;
}

type Entry = { name: string; method: number; flags: number; compressed: number; local: number };

function centralEntries(zip: Buffer, end: number, maxEntries: number): Entry[] | ZipRefusal {
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  // 0xffff entries or a 0xffffffff offset mean ZIP64, which no sensible survey workbook needs.
  if (count === 0xffff || at === 0xffffffff || count > maxEntries) return refuse('too_many_parts', { max: maxEntries });
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return refuse('not_xlsx');
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, flags: zip.readUInt16LE(at + 8), method: zip.readUInt16LE(at + 10), compressed: zip.readUInt32LE(at + 20), local: zip.readUInt32LE(at + 42) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** An entry's bytes, unpacked with at most `budget` bytes of output, whatever its header claims. */
function unpack(zip: Buffer, entry: Entry, budget: number, limits: ZipLimits): Buffer | ZipRefusal {
  if (entry.flags & 1) return refuse('not_xlsx');
  if (entry.local + 30 > zip.length || zip.readUInt32LE(entry.local) !== LOCAL) return refuse('not_xlsx');
  const start = entry.local + 30 + zip.readUInt16LE(entry.local + 26) + zip.readUInt16LE(entry.local + 28);
  if (start + entry.compressed > zip.length) return refuse('not_xlsx');
  const data = zip.subarray(start, start + entry.compressed);
  const tooLarge = refuse('too_large', { max: Math.round(limits.maxUnpackedBytes / 2 ** 20) });
  if (entry.method === 0) return data.length > budget ? tooLarge : data;
  if (entry.method !== 8) return refuse('not_xlsx');
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? tooLarge : refuse('not_xlsx');
  }
}

/** Cell elements (`<c …>`) in worksheet XML, counting no further than `stop`. */
function countCells(xml: string, stop: number): number {
  const cell = /<c[\s>/]/g;
  let count = 0;
  while (count < stop && cell.exec(xml)) count++;
  return count;
}

const isRefusal = (value: unknown): value is ZipRefusal => typeof value === 'object' && value !== null && 'code' in value && !Buffer.isBuffer(value);

/**
 * Checks an upload before exceljs sees it, since exceljs unpacks and parses everything it is
 * given in memory: the file must be a ZIP with `xl/workbook.xml`, unpack (each part really
 * inflated, with a hard output limit, so a lying header or a zip bomb is caught) to at most
 * `maxUnpackedBytes`, hold at most `maxCells` cells across its worksheets, and carry no
 * DOCTYPE or ENTITY in any XML part (no entity expansion, no external entities).
 */
export function checkWorkbookZip(zip: Buffer, limits: ZipLimits): ZipRefusal | undefined {
  if (OLE.every((byte, i) => zip[i] === byte)) return refuse('xls_format');
  if (zip.length < 22 || zip.readUInt32LE(0) !== LOCAL) return refuse('not_xlsx');
  const end = findEnd(zip);
  if (end < 0) return refuse('not_xlsx');
  const entries = centralEntries(zip, end, limits.maxEntries);
  if (isRefusal(entries)) return entries;
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) return refuse('not_xlsx');
  let budget = limits.maxUnpackedBytes;
  let cells = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const bytes = unpack(zip, entry, budget, limits);
    if (isRefusal(bytes)) return bytes;
    budget -= bytes.length;
    if (!/\.(xml|rels|vml)$/i.test(entry.name)) continue;
    const xml = bytes.toString('utf8');
    if (/<!(DOCTYPE|ENTITY)/i.test(xml)) return refuse('unsafe_xml');
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) cells += countCells(xml, limits.maxCells - cells + 1);
    if (cells > limits.maxCells) return refuse('too_many_cells', { max: limits.maxCells });
  }
  return undefined;
}
