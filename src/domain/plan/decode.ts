/**
 * Bytes of a plan file to text. Government documents come as UTF-8 or as GBK/GB18030; the encoding is
 * detected: a BOM wins, then strict UTF-8, then GB18030 (a superset of GBK).
 */
import { PlanLedgerError } from "../errors";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function hasBom(bytes: Uint8Array, ...bom: number[]): boolean {
  return bom.every((b, i) => bytes[i] === b);
}

/** True when the bytes hold NULs or many control characters, as binaries do and text does not. */
export function looksLikeBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}

/**
 * Decodes a plan file.
 * @throws PlanLedgerError `binary-file` when the bytes are not text.
 */
export function decodePlanBytes(bytes: Uint8Array, file: string): DecodedText {
  if (hasBom(bytes, 0xef, 0xbb, 0xbf))
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (hasBom(bytes, 0xff, 0xfe))
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (hasBom(bytes, 0xfe, 0xff))
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  if (looksLikeBinary(bytes)) throw new PlanLedgerError("binary-file", { file });
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}
