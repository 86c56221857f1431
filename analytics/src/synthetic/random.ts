/** Seeded randomness and deterministic ids for the synthetic generator: the same seed gives the same stream. */

/** A small fast PRNG (sfc32) seeded from any text; `next()` is uniform in [0, 1). */
export class Random {
  #a: number
  #b: number
  #c: number
  #d: number

  constructor(seed: string) {
    const [a, b, c, d] = hash128(seed)
    this.#a = a
    this.#b = b
    this.#c = c
    this.#d = d
    for (let i = 0; i < 15; i++) this.u32()
  }

  /** A uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0
    this.#d = (this.#d + 1) | 0
    this.#a = this.#b ^ (this.#b >>> 9)
    this.#b = (this.#c + (this.#c << 3)) | 0
    this.#c = (this.#c << 21) | (this.#c >>> 11)
    this.#c = (this.#c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next()
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next())
  }

  /** Log-normal with the given median and shape. */
  logNormal(median: number, sigma: number): number {
    const u = 1 - this.next()
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next())
    return median * Math.exp(sigma * z)
  }

  /** An index drawn by weight (cumulative weights, last = total). */
  pick(cumulative: readonly number[]): number {
    const x = this.next() * cumulative[cumulative.length - 1]
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid] > x) hi = mid
      else lo = mid + 1
    }
    return lo
  }

  /** 16 hex digits. */
  hex16(): string {
    return hex8(this.u32()) + hex8(this.u32())
  }
}

// Number#toString(16) with padding is slow in the hot path of ten million calls; a byte table is not.
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** A 32-bit unsigned integer as 8 hex digits. */
function hex8(x: number): string {
  return BYTE_HEX[x >>> 24] + BYTE_HEX[(x >>> 16) & 255] + BYTE_HEX[(x >>> 8) & 255] + BYTE_HEX[x & 255]
}

/** Four 32-bit words from text (cyrb128). */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0]
}

/** Deterministic uuids from a seeded stream: v7 (time-ordered, like the backend's) and v4-shaped. */
export class IdMaker {
  #random: Random
  #seq = 0

  constructor(seed: string) {
    this.#random = new Random(`ids/${seed}`)
  }

  /** A uuidv7 for a moment; the 12-bit counter keeps ids of one millisecond in the order they were made. */
  v7(ms: number): string {
    const seq = this.#seq++ & 0xfff
    const high = Math.floor(ms / 4294967296)
    const time = BYTE_HEX[(high >>> 8) & 255] + BYTE_HEX[high & 255] + hex8(ms >>> 0)
    const rand = this.#random.hex16()
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${BYTE_HEX[seq >>> 4]}${(seq & 15).toString(16)}-${(8 + (this.#random.u32() & 3)).toString(16)}${rand.slice(1, 4)}-${rand.slice(4, 16)}`
  }

  /** A uuidv4-shaped id. */
  v4(): string {
    const r = this.#random.hex16() + this.#random.hex16()
    return format(r.slice(0, 12) + '4' + r.slice(13, 16) + (8 + (parseInt(r[16], 16) & 3)).toString(16) + r.slice(17, 32))
  }
}

function format(hex: string) {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}
