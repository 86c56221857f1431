import hash from '@adonisjs/core/services/hash'
import { AppError } from '#shared/errors'

/**
 * Caps how many password hashes run at once and how many may wait. scrypt is deliberately costly;
 * without the cap a login storm queues unbounded work and starves every other request. Past the
 * waiting limit the caller gets 503 with Retry-After instead of a slow death.
 */
export class PasswordGate {
  #running = 0
  readonly #waiting: Array<() => void> = []

  constructor(
    readonly maxConcurrent: number,
    readonly maxWaiting: number
  ) {}

  /** Runs one hashing job inside the cap. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.#running >= this.maxConcurrent) {
      if (this.#waiting.length >= this.maxWaiting) {
        throw new AppError(503, 'E_SERVER_BUSY', 'Too many sign-ins at once; try again in a moment', { retryAfterSeconds: 2 })
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve))
    } else {
      this.#running++
    }
    try {
      return await job()
    } finally {
      const nextJob = this.#waiting.shift()
      if (nextJob) nextJob()
      else this.#running--
    }
  }

  get load() {
    return { running: this.#running, waiting: this.#waiting.length }
  }
}

/** The process-wide gate: the libuv pool has 4 threads; 4 hashes at once keep them busy, not flooded. */
export const passwordGate = new PasswordGate(4, 200)

/** A fixed hash to verify against when the user does not exist, so timing does not reveal accounts. */
let dummyHash: string | null = null

/** Hashes a new password inside the gate. */
export function hashPassword(password: string): Promise<string> {
  return passwordGate.run(() => hash.make(password))
}

/** Verifies a password inside the gate; a missing hash still costs one verification. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  return passwordGate.run(async () => {
    if (!stored) {
      dummyHash ??= await hash.make('not-a-real-password')
      await hash.verify(dummyHash, password)
      return false
    }
    return hash.verify(stored, password)
  })
}
