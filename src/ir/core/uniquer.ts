/**
 * Uniquing storage: structurally equal types and attributes are the same
 * object, so equality is `===`. Keys are built from the kind and the ids of
 * already-uniqued parts, never from printed text.
 */
export class Uniquer<T> {
  private readonly table = new Map<string, T>();
  private nextId = 1;

  get<U extends T>(key: string, make: (id: number) => U): U {
    const found = this.table.get(key);
    if (found !== undefined) return found as U;
    const made = make(this.nextId++);
    this.table.set(key, made);
    return made;
  }

  get size(): number {
    return this.table.size;
  }
}
