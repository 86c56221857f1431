/**
 * The data-center pipeline as the web server wires it (start/jobs.ts), pointed at chosen brokers:
 * the outbox relay publishing to Kafka with the idempotent producer, and the analytics ingestor
 * as a Kafka consumer group writing into this process's analytics store, which the KPI API reads.
 * Plus a private Kafka broker the tests may stop and start again (scripts/lib/kafka.mjs).
 */
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import logger from '@adonisjs/core/services/logger'
import { Ingestor, KafkaIngestSource } from '@cc/analytics'
import { inPlatform } from '#shared/scope'
import { OutboxRelay } from '#events/relay/outbox_relay'
import { KafkaEventPublisher } from '#events/relay/kafka_publisher'
import { analyticsStore } from '#datacenter/store'
import { sleep } from '#datacenter/tests/call_desk'

/** Polls until `check` holds, for at most `ms`; the message says what did not happen. */
export async function eventually(ms: number, what: string, check: () => Promise<boolean>) {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms: ${what}`)
    await sleep(250)
  }
}

/** The relay and the ingestor of one test, on the given brokers. */
export class Pipeline {
  readonly relay: OutboxRelay
  readonly source: KafkaIngestSource
  readonly warnings: string[] = []
  #started = false

  constructor(readonly brokers: string[]) {
    // Short backoff: a test waits for the relay after an outage, production backs off up to 30 s.
    this.relay = new OutboxRelay(new KafkaEventPublisher({ brokers, connectionTimeoutMs: 1000, requestTimeoutMs: 5000 }), { idleMs: 100, backoff: { initialMs: 200, maxMs: 2000 } })
    this.source = new KafkaIngestSource({
      brokers,
      groupId: `datacenter-pipeline-${randomUUID()}`,
      sessionTimeoutMs: 10000,
      log: (level, message) => {
        if (level !== 'info') this.warnings.push(message)
        logger.debug(`analytics: ${message}`)
      },
    })
  }

  async start() {
    this.#started = true
    await this.source.start(new Ingestor(await analyticsStore(), (level, message) => level !== 'info' && this.warnings.push(message)))
    this.relay.start()
  }

  async stop() {
    if (!this.#started) return
    this.#started = false
    await this.relay.stop().catch(() => undefined)
    await this.source.stop().catch(() => undefined)
  }

  /**
   * Waits until every event of the tenant has left the outbox and the ingestor's group has
   * committed the end of every partition (it commits only after the insert and the facts).
   */
  async caughtUp(tenantId: string, timeoutMs: number) {
    await eventually(timeoutMs, 'the outbox is published', async () => (await outboxOf(tenantId)).every((e) => e.published))
    await eventually(timeoutMs, 'the ingestor caught up', async () => {
      const lag = await this.source.lag().catch(() => null)
      return lag !== null && lag.length > 0 && lag.every((p) => p.committed === p.end)
    })
  }
}

/** The tenant's outbox: event ids, types and whether the relay marked them published. */
export async function outboxOf(tenantId: string) {
  const rows = await inPlatform((trx) => trx.from('domain_events').where('tenant_id', tenantId).orderBy('id').select('id', 'type', 'entity_id', 'published_at'))
  return rows.map((r) => ({ id: r.id as string, type: r.type as string, entityId: r.entity_id as string, published: r.published_at !== null }))
}

/** How many rows each event id has in the raw events table, with and without FINAL. */
export async function storedEventCounts(tenantId: string) {
  const tenant = (await analyticsStore()).forTenant(tenantId)
  const count = async (final: boolean) => {
    const rows = await tenant.select<{ id: string; n: number }>(`SELECT toString(id) AS id, count() AS n FROM events ${final ? 'FINAL' : ''} WHERE tenant_id = {tenant:UUID} GROUP BY id`)
    return new Map(rows.map((r) => [r.id, Number(r.n)]))
  }
  return { plain: await count(false), final: await count(true) }
}

/** A call segment as the tests compare it. */
export interface Segment {
  call_id: string
  segment_no: number
  queue_id: string | null
  agent_id: string | null
  outcome: string
  answered: number
  abandoned: number
  transferred: number
  rona: number
  rona_agents: string[]
  holds: number
}

/** The tenant's call segments (FINAL), in time order. */
export async function segmentsOf(tenantId: string): Promise<Segment[]> {
  const tenant = (await analyticsStore()).forTenant(tenantId)
  const final = await tenant.select<Record<string, any>>(
    `SELECT toString(call_id) AS call_id, segment_no, toString(queue_id) AS queue_id, toString(agent_id) AS agent_id, outcome, answered, abandoned, transferred, rona, arrayMap(a -> toString(a), rona_agents) AS rona_agents, holds
       FROM call_segments FINAL WHERE tenant_id = {tenant:UUID} ORDER BY started_at, segment_no`
  )
  return final.map((r) => ({ call_id: r.call_id, queue_id: r.queue_id, agent_id: r.agent_id, outcome: r.outcome, segment_no: Number(r.segment_no), answered: Number(r.answered), abandoned: Number(r.abandoned), transferred: Number(r.transferred), rona: Number(r.rona), rona_agents: r.rona_agents, holds: Number(r.holds) }))
}

/** A loopback port free right now. */
async function freePort() {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

interface KafkaStarted {
  env?: { KAFKA_BROKERS: string }
  stop?: () => Promise<void>
  missing?: string
  logFile?: string
}

/**
 * A Kafka broker of this test alone (its own data folder and ports), so stopping it touches no
 * other test. `stop()` ends the broker process; `start()` starts it again on the same data.
 */
export class PrivateKafka {
  readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-pipeline-kafka-'))
  port = 0
  controllerPort = 0
  #running: KafkaStarted | null = null

  get brokers() {
    return [`127.0.0.1:${this.port}`]
  }

  /** Starts the broker (creating the platform's topics the first time); null when Kafka cannot run here, with the reason. */
  async start(): Promise<string | null> {
    if (!this.port) [this.port, this.controllerPort] = [await freePort(), await freePort()]
    const stack = new URL('../../../../scripts/lib/kafka.mjs', import.meta.url).href
    const { startKafka } = (await import(stack)) as { startKafka: (options: Record<string, unknown>) => Promise<KafkaStarted> }
    const started = await startKafka({ dataDir: this.dataDir, port: this.port, controllerPort: this.controllerPort, quickStart: true, heap: '256m', own: true, log: () => {} })
    if (!started.env) return started.missing ?? 'Kafka did not start'
    this.#running = started
    return null
  }

  /** Stops the broker process (SIGTERM, then SIGKILL after the grace period) and waits until it exited. */
  async stop() {
    const running = this.#running
    this.#running = null
    await running?.stop?.()
  }

  async destroy() {
    await this.stop()
    fs.rmSync(this.dataDir, { recursive: true, force: true })
  }
}
