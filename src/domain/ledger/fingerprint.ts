/**
 * A stable fingerprint of a plan's targets, written to the metadata sheet so a returned workbook can be
 * matched with the plan it was made from. Pure TypeScript (the core may not use node:crypto): 64-bit
 * FNV-1a over the UTF-8 of a canonical JSON of the targets. Not a security hash: it detects changes,
 * it does not resist forgery.
 */
import { listTargets, type Plan } from "../plan/types";

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** FNV-1a 64 of the UTF-8 bytes of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, "0");
}

/**
 * "fnv1a64:<16 hex>" over the targets' identity and meaning (id, metric, comparator, value, max, unit,
 * kind, deadline, parent) in document order. Titles, source lines and 责任单位 are left out, so fixing a
 * typo in the plan text or assigning a department keeps the fingerprint.
 */
export function planFingerprint(plan: Plan): string {
  const canonical = listTargets(plan).map(({ target: t }) => [
    t.id,
    t.metric,
    t.comparator,
    t.value,
    t.max,
    t.unit,
    t.kind,
    t.deadline,
    t.parent,
  ]);
  return `fnv1a64:${fnv1a64(JSON.stringify(canonical))}`;
}
