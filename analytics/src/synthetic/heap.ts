/** A binary min-heap on a numeric key (the agents of a queue by when they are free). */
export class MinHeap<T> {
  #items: T[] = []
  #key: (item: T) => number

  constructor(key: (item: T) => number) {
    this.#key = key
  }

  get size() {
    return this.#items.length
  }

  peek(): T | undefined {
    return this.#items[0]
  }

  push(item: T) {
    const items = this.#items
    items.push(item)
    let i = items.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (this.#key(items[parent]) <= this.#key(items[i])) break
      ;[items[parent], items[i]] = [items[i], items[parent]]
      i = parent
    }
  }

  pop(): T | undefined {
    const items = this.#items
    const top = items[0]
    const last = items.pop()
    if (items.length && last !== undefined) {
      items[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < items.length && this.#key(items[l]) < this.#key(items[m])) m = l
        if (r < items.length && this.#key(items[r]) < this.#key(items[m])) m = r
        if (m === i) break
        ;[items[m], items[i]] = [items[i], items[m]]
        i = m
      }
    }
    return top
  }

  /** Everything left, emptying the heap. */
  drain(): T[] {
    const all = this.#items
    this.#items = []
    return all
  }
}
