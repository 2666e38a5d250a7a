/**
 * Checks a returned file's bytes before any xlsx library inflates them: is it a zip at all, is it
 * whole, what does it declare it unpacks to. An .xlsx is a zip whose central directory (at the end of
 * the file) lists every part with its compressed and uncompressed size; reading that directory costs
 * nothing and catches a truncated download, an old .xls, or a zip bomb by its declared sizes.
 * A zip that lies about its sizes is caught later by the zip library (size mismatch on inflate).
 */
import { PlanLedgerError } from "../errors";

export interface ZipLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total declared uncompressed size of all parts, in bytes. */
  maxUncompressedBytes: number;
  /** Most parts (files) in the package. */
  maxEntries: number;
}

/**
 * A department copy of a 5,000-target ledger is ≈ 1.5 MB packed and ≈ 25 MB unpacked; these limits
 * leave room for that and refuse what no ledger can be.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxEntries: 2000,
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** Old binary .xls and other OLE compound files start with D0 CF 11 E0. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;
}

/**
 * The parts an .xlsx package declares.
 * @throws PlanLedgerError `not-xlsx` (not a zip, an old .xls, a zip without a workbook),
 *   `xlsx-corrupt` (truncated or damaged directory), `xlsx-too-large` (over `limits`).
 */
export function checkXlsxPackage(bytes: Uint8Array, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  if (bytes.length > limits.maxFileBytes) {
    throw new PlanLedgerError("file-too-large", { file, size: bytes.length, limit: limits.maxFileBytes });
  }
  if (OLE_MAGIC.every((v, i) => bytes[i] === v)) {
    throw new PlanLedgerError("not-xlsx", { file, reason: "Excel 97-2003 (.xls)" });
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new PlanLedgerError("not-xlsx", { file, reason: "not a zip package" });
  }
  let eocd = -1;
  for (let at = bytes.length - EOCD_SIZE; at >= Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT); at--) {
    if (u32(bytes, at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new PlanLedgerError("xlsx-corrupt", { file, reason: "end of the zip directory not found" });
  const count = u16(bytes, eocd + 10);
  const directorySize = u32(bytes, eocd + 12);
  const directoryOffset = u32(bytes, eocd + 16);
  if (directoryOffset + directorySize > eocd) {
    throw new PlanLedgerError("xlsx-corrupt", { file, reason: "zip directory beyond the end of the file" });
  }
  if (count > limits.maxEntries) {
    throw new PlanLedgerError("xlsx-too-large", { file, size: count, limit: limits.maxEntries });
  }
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = directoryOffset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || u32(bytes, at) !== CENTRAL_SIGNATURE) {
      throw new PlanLedgerError("xlsx-corrupt", { file, reason: `zip directory entry ${i + 1} damaged` });
    }
    const compressedSize = u32(bytes, at + 20);
    const uncompressedSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localOffset = u32(bytes, at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // 0xFFFFFFFF means "see the ZIP64 record": no ledger needs parts over 4 GB, so it is refused as too large.
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) {
      throw new PlanLedgerError("xlsx-too-large", { file, size: uncompressedSize, limit: limits.maxUncompressedBytes });
    }
    if (localOffset + compressedSize > directoryOffset) {
      throw new PlanLedgerError("xlsx-corrupt", { file, reason: `part ${name} cut off` });
    }
    total += uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      throw new PlanLedgerError("xlsx-too-large", { file, size: total, limit: limits.maxUncompressedBytes });
    }
    entries.push({ name, compressedSize, uncompressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) {
    throw new PlanLedgerError("not-xlsx", { file, reason: "a zip package without a workbook" });
  }
  return entries;
}
