/**
 * What jsdom lacks and the pane uses: ResizeObserver (Fluent's MessageBar watches its width),
 * TextEncoder/TextDecoder (plan decoding and fingerprints; browsers have them), Blob.arrayBuffer.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

function define(name: string, value: unknown): void {
  if (!(name in globalThis)) Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
}

define("ResizeObserver", NoopResizeObserver);
define("TextEncoder", NodeTextEncoder);
define("TextDecoder", NodeTextDecoder);

if (typeof Blob !== "undefined" && !("arrayBuffer" in Blob.prototype)) {
  Object.defineProperty(Blob.prototype, "arrayBuffer", {
    value(this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(this);
      });
    },
  });
}
