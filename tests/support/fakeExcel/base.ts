/** Load tracking and the request queue shared by every fake client object. */

export class PropertyNotLoadedError extends Error {
  constructor(path: string, property: string) {
    super(`PropertyNotLoaded: ${path}.${property} was read without load("${property}") and sync()`);
    this.name = "PropertyNotLoadedError";
  }
}

/** Excel's error for requests on a missing item (a *OrNullObject that turned out null). */
export class ItemNotFoundError extends Error {
  constructor(what: string) {
    super(`ItemNotFound: ${what} does not exist`);
    this.name = "ItemNotFoundError";
  }
}

export interface RequestQueue {
  enqueue(run: () => void): void;
}

export function propertyList(arg: string | string[]): string[] {
  const list = Array.isArray(arg) ? arg : arg.split(",");
  return list.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** A client object: properties are readable only after load() and a sync that carried it. */
export abstract class FakeObject {
  protected readonly snapshot = new Map<string, unknown>();

  protected constructor(
    protected readonly queue: RequestQueue,
    readonly path: string,
  ) {}

  /** The current value of a loadable property, read from the model when the request runs. */
  protected abstract current(property: string): unknown;

  /** Whether the object exists when the request runs (null objects do not). */
  protected exists(): boolean {
    return true;
  }

  load(arg: string | string[]): this {
    const properties = propertyList(arg);
    this.queue.enqueue(() => this.capture(properties));
    return this;
  }

  /** Runs inside a sync: snapshots the properties (for collections, "items/…" paths too). */
  capture(properties: readonly string[]): void {
    const exists = this.exists();
    this.snapshot.set("isNullObject", !exists);
    for (const property of properties) {
      if (!exists) this.snapshot.set(property, undefined);
      else this.captureOne(property);
    }
  }

  protected captureOne(property: string): void {
    if (property.includes("/"))
      throw new Error(`InvalidArgument: ${this.path} has no navigation property in "${property}"`);
    this.snapshot.set(property, this.current(property));
  }

  protected loaded<T>(property: string): T {
    if (!this.snapshot.has(property)) throw new PropertyNotLoadedError(this.path, property);
    return this.snapshot.get(property) as T;
  }

  get isNullObject(): boolean {
    return this.loaded<boolean>("isNullObject");
  }
}
