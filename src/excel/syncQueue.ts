/**
 * Queues writes and sends them in as few `context.sync()` calls as Excel on the web allows: one per
 * batch of at most `maxBatchBytes` of payload (the web limits each request to 5 MB), so the number of
 * syncs depends on the size of the data, not on the number of operations. Every sync has a timeout,
 * because `context.sync()` has been reported to hang in Excel on the web.
 */
import { AddinError } from "./errors";
import type { ExcelContextLike } from "./excelApi";

/** Below Excel on the web's 5 MB request limit, with room for the request's own framing. */
export const DEFAULT_MAX_BATCH_BYTES = 4_000_000;
export const DEFAULT_SYNC_TIMEOUT_MS = 120_000;

export interface SyncOptions {
  timeoutMs?: number;
  maxBatchBytes?: number;
}

/**
 * One `context.sync()` that rejects after `timeoutMs`.
 * @throws AddinError `excel-sync-timeout` when Excel does not answer in time.
 */
export async function syncWithTimeout(context: ExcelContextLike, timeoutMs = DEFAULT_SYNC_TIMEOUT_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AddinError("excel-sync-timeout", { seconds: Math.round(timeoutMs / 1000) })),
      timeoutMs,
    );
  });
  try {
    await Promise.race([context.sync(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface Operation {
  bytes: number;
  run: () => void;
}

/** Requests carry each action's ids and property names besides the data (a rough upper bound). */
const ACTION_OVERHEAD_BYTES = 256;

/** UTF-8 length of a string without encoding it (Chinese text is 3 bytes a character). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Size of a payload as Excel receives it: its JSON in UTF-8, plus the action's own framing. */
export function payloadBytes(value: unknown): number {
  return (value === undefined ? 0 : utf8Length(JSON.stringify(value))) + ACTION_OVERHEAD_BYTES;
}

export class SyncQueue {
  private readonly operations: Operation[] = [];
  private syncs = 0;
  private bytes = 0;

  constructor(
    private readonly context: ExcelContextLike,
    private readonly options: SyncOptions = {},
  ) {}

  get maxBatchBytes(): number {
    return this.options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  }

  /** Queues `run`; `payload` is what it sends (for the size estimate). */
  add(run: () => void, payload?: unknown): void {
    const bytes = payloadBytes(payload);
    this.bytes += bytes;
    this.operations.push({ run, bytes });
  }

  /** Runs the queued operations, syncing whenever the next one would overflow the batch. */
  async flush(): Promise<number> {
    const batches: Operation[][] = [[]];
    let size = 0;
    for (const op of this.operations) {
      if (size + op.bytes > this.maxBatchBytes && batches[batches.length - 1]!.length > 0) {
        batches.push([]);
        size = 0;
      }
      batches[batches.length - 1]!.push(op);
      size += op.bytes;
    }
    this.operations.length = 0;
    // One sync per batch, on purpose: the loop runs once per 4 MB of data (once for a typical ledger),
    // never once per cell, row or sheet, and each batch must reach Excel before the next is queued.
    for (const batch of batches) {
      for (const op of batch) op.run();
      await syncWithTimeout(this.context, this.options.timeoutMs);
      this.syncs++;
    }
    return batches.length;
  }

  get syncCount(): number {
    return this.syncs;
  }

  /** Estimated size of everything queued so far. */
  get totalBytes(): number {
    return this.bytes;
  }
}
