import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { inPlatform } from '#shared/scope'
import { toEnvelope, type DomainEventEnvelope } from '#events/outbox'
import { backoffDelay, type BackoffOptions } from '#events/relay/backoff'
import type { EventPublisher } from '#events/relay/event_publisher'

/** What one pass did: how many events it published, or the error that stopped it. */
export interface RelayPass {
  published: number
  error?: Error
  /** Another process's relay held the outbox during this pass. */
  busy?: boolean
}

/** Tuning of the relay loop. */
export interface RelayOptions {
  batchSize?: number
  /** Wait between passes when the outbox is empty. */
  idleMs?: number
  backoff?: BackoffOptions
}


/**
 * Publishes the outbox (`domain_events` rows not yet published) in id order — uuidv7, so time
 * order — across tenants, then marks the rows published in the same transaction. A failed publish
 * marks nothing and stops the pass (no later event of an entity overtakes an earlier one); the very
 * same batch is published again after an exponential backoff, until the bus is back.
 */
export class OutboxRelay {
  readonly publisher: EventPublisher
  #batchSize: number
  #idleMs: number
  #backoff: BackoffOptions
  /** A batch whose publish failed: published again as is before anything newer. */
  #pending: DomainEventEnvelope[] | null = null
  /** A batch published whose marking did not commit: marked before anything is published again. */
  #unmarked: DomainEventEnvelope[] | null = null
  #failures = 0
  #loop: Promise<void> | null = null
  #running = false
  #wake: (() => void) | null = null

  constructor(publisher: EventPublisher, options: RelayOptions = {}) {
    this.publisher = publisher
    this.#batchSize = options.batchSize ?? 500
    this.#idleMs = options.idleMs ?? 250
    this.#backoff = options.backoff ?? { initialMs: 250, maxMs: 30000 }
  }

  /** Failed passes in a row (0 when the last pass went through). */
  get failures() {
    return this.#failures
  }

  /** One pass: publish at most one batch and mark it. Never throws; the error is in the result. */
  async runOnce(): Promise<RelayPass> {
    try {
      const pass = await inPlatform((trx) => this.#pass(trx))
      // The marks are committed now.
      if (!pass.error) this.#unmarked = null
      return pass
    } catch (error) {
      return { published: 0, error: error as Error }
    }
  }

  /** Runs passes until stopped: at once while there is a backlog, every idleMs when idle, backing off on failure. */
  start() {
    if (this.#loop) return
    this.#running = true
    logger.info(`outbox relay: publishing to ${this.publisher.name}`)
    this.#loop = this.#run()
  }

  /** Stops after the current pass and closes the publisher. */
  async stop() {
    this.#running = false
    this.#wake?.()
    await this.#loop
    this.#loop = null
    await this.publisher.close()
  }

  async #pass(trx: TransactionClientContract): Promise<RelayPass> {
    // Every relay takes this transaction-level lock, so one publishes at a time.
    const { rows } = await trx.rawQuery(`select pg_try_advisory_xact_lock(hashtextextended('outbox-relay', 0)) as locked`)
    if (!rows[0].locked) return { published: 0, busy: true }
    if (this.#unmarked) {
      await markPublished(trx, this.#unmarked)
      return { published: 0 }
    }
    const batch = (this.#pending && (await stillUnpublished(trx, this.#pending))) || (await readUnpublished(trx, this.#batchSize))
    if (!batch.length) return { published: 0 }
    try {
      await this.publisher.publish(batch)
    } catch (error) {
      this.#pending = batch
      return { published: 0, error: error as Error }
    }
    this.#pending = null
    this.#unmarked = batch
    await markPublished(trx, batch)
    return { published: batch.length }
  }

  async #run() {
    while (this.#running) {
      const pass = await this.runOnce()
      let delay: number
      if (pass.error) {
        this.#failures += 1
        delay = backoffDelay(this.#failures, this.#backoff)
        if (this.#failures === 1 || this.#failures % 20 === 0) {
          logger.warn(`outbox relay: publishing to ${this.publisher.name} failed ${this.#failures} time(s) in a row, retrying in ${delay} ms: ${pass.error.message}`)
        }
      } else {
        if (this.#failures > 0) logger.info(`outbox relay: ${this.publisher.name} is back after ${this.#failures} failed pass(es)`)
        this.#failures = 0
        delay = pass.published >= this.#batchSize ? 0 : this.#idleMs
      }
      if (delay > 0 && this.#running) await this.#sleep(delay)
    }
  }

  #sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.#wake = done
    }).finally(() => (this.#wake = null))
  }
}

/** The oldest unpublished events of every tenant, in id order (the partial index `domain_events_unpublished`). */
async function readUnpublished(trx: TransactionClientContract, limit: number) {
  const rows = await trx.from('domain_events').whereNull('published_at').orderBy('id', 'asc').limit(limit)
  return rows.map(toEnvelope)
}

/**
 * The pending batch when none of it was published meanwhile (another relay may have taken over
 * during the backoff); otherwise null, and the pass reads afresh.
 */
async function stillUnpublished(trx: TransactionClientContract, batch: DomainEventEnvelope[]) {
  const { rows } = await trx.rawQuery('select count(*)::int as n from domain_events where id = any(?::uuid[]) and published_at is null', [idArray(batch)])
  return rows[0].n === batch.length ? batch : null
}

/** Marks exactly the given events published. */
async function markPublished(trx: TransactionClientContract, batch: DomainEventEnvelope[]) {
  await trx.rawQuery('update domain_events set published_at = now() where id = any(?::uuid[]) and published_at is null', [idArray(batch)])
}

/** A PostgreSQL array literal of the events' ids (knex would expand a JS array into a list). */
function idArray(batch: DomainEventEnvelope[]) {
  return `{${batch.map((e) => e.id).join(',')}}`
}
