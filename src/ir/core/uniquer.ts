/**
 * Uniquing storage: structurally equal types and attributes are the same
 * object, so equality is `===`. Keys are built from the kind and the ids of
 * already-uniqued parts, never from printed text.
 */
export class Uniquer<T> {
  private readonly table = new Map<string, T>();
  private readonly tries = new Map<string, TrieNode<T>>();
  private nextId = 1;

  get<U extends T>(key: string, make: (id: number) => U): U {
    const found = this.table.get(key);
    if (found !== undefined) return found as U;
    const made = make(this.nextId++);
    this.table.set(key, made);
    return made;
  }

  /**
   * Hot-path variant: `path` (numbers, bigints, short strings) indexes a trie
   * of maps, so no key string is built or hashed per lookup.
   */
  getPath<U extends T>(kind: string, path: readonly (number | bigint | string)[], make: (id: number) => U): U {
    let node: TrieNode<T> | undefined = this.tries.get(kind);
    if (!node) this.tries.set(kind, (node = {}));
    for (const k of path) {
      const children: Map<number | bigint | string, TrieNode<T>> = (node.children ??= new Map());
      let next: TrieNode<T> | undefined = children.get(k);
      if (!next) children.set(k, (next = {}));
      node = next;
    }
    if (node.value === undefined) {
      node.value = make(this.nextId++);
      this.count++;
    }
    return node.value as U;
  }

  /** Create an object for a caller that keeps its own uniquing table (it must never create it twice). */
  make<U extends T>(create: (id: number) => U): U {
    this.count++;
    return create(this.nextId++);
  }

  private count = 0;

  get size(): number {
    return this.table.size + this.count;
  }
}

interface TrieNode<T> {
  children?: Map<number | bigint | string, TrieNode<T>>;
  value?: T;
}
