import { Redis } from 'ioredis'
import logger from '@adonisjs/core/services/logger'
import { RealtimeBus, type BusListener } from '#realtime/bus'

/**
 * Numbers and publishes in one atomic step, so the order in which subscribers receive a channel's
 * messages is the order of their sequence numbers even when several processes publish at once.
 */
const PUBLISH_SCRIPT = `
local seq = redis.call('INCR', KEYS[1])
redis.call('PUBLISH', ARGV[1], seq .. ' ' .. ARGV[2])
return seq
`

/** The same for many channels in one round trip: KEYS are the counters, ARGV the channels then the message. */
const PUBLISH_MANY_SCRIPT = `
local event = ARGV[#ARGV]
local seqs = {}
for i, key in ipairs(KEYS) do
  seqs[i] = redis.call('INCR', key)
  redis.call('PUBLISH', ARGV[i], seqs[i] .. ' ' .. event)
end
return seqs
`

/** Channels per PUBLISH_MANY_SCRIPT call: keeps each script short (Redis runs one command at a time). */
const PUBLISH_MANY_CHUNK = 500

type Publisher = Redis & {
  rtPublish(key: string, channel: string, event: string): Promise<number>
  rtPublishMany(keyCount: number, ...keysThenArgs: string[]): Promise<number[]>
}

/**
 * Fan-out across backend processes through Redis pub/sub: one connection publishes (and keeps the
 * per-channel sequence counters, `INCR` on `<prefix>seq:<channel>`), one listens on the pattern of
 * every realtime channel. Connections open on first use; when the listening connection comes back
 * after a drop, the gateway is told to resync its subscribers.
 */
export class RedisBus extends RealtimeBus {
  readonly kind = 'redis'
  readonly #publisher: Publisher
  readonly #subscriber: Redis
  readonly #prefix: string
  #listener: BusListener | null = null
  #subscribed = false

  constructor(url: string, options: { prefix?: string; name?: string } = {}) {
    super()
    this.#prefix = options.prefix ?? 'cc:rt:'
    const name = options.name ?? `cc-realtime-${process.pid}`
    const common = { lazyConnect: true, maxRetriesPerRequest: 2 }
    this.#publisher = new Redis(url, { ...common, connectionName: `${name}-pub` }) as Publisher
    this.#publisher.defineCommand('rtPublish', { numberOfKeys: 1, lua: PUBLISH_SCRIPT })
    this.#publisher.defineCommand('rtPublishMany', { lua: PUBLISH_MANY_SCRIPT })
    this.#subscriber = new Redis(url, { ...common, connectionName: `${name}-sub` })
    for (const connection of [this.#publisher, this.#subscriber]) {
      connection.on('error', (error: Error) => logger.warn({ err: error }, 'realtime: Redis connection error'))
    }
    this.#subscriber.on('pmessage', (_pattern: string, channel: string, raw: string) => this.#receive(channel, raw))
    this.#subscriber.on('ready', () => void this.#resubscribed())
  }

  async publish(channel: string, event: string) {
    return this.#publisher.rtPublish(`${this.#prefix}seq:${channel}`, `${this.#prefix}ch:${channel}`, event)
  }

  async publishMany(channels: readonly string[], event: string) {
    const chunks: Array<Promise<number[]>> = []
    for (let from = 0; from < channels.length; from += PUBLISH_MANY_CHUNK) {
      const chunk = channels.slice(from, from + PUBLISH_MANY_CHUNK)
      const keys = chunk.map((channel) => `${this.#prefix}seq:${channel}`)
      const names = chunk.map((channel) => `${this.#prefix}ch:${channel}`)
      chunks.push(this.#publisher.rtPublishMany(chunk.length, ...keys, ...names, event))
    }
    return (await Promise.all(chunks)).flat()
  }

  async current(channel: string) {
    return Number((await this.#publisher.get(`${this.#prefix}seq:${channel}`)) ?? 0)
  }

  async subscribe(listener: BusListener) {
    this.#listener = listener
    await this.#subscriber.psubscribe(`${this.#prefix}ch:tenant/*`)
    this.#subscribed = true
  }

  async close() {
    this.#listener = null
    await Promise.all([this.#publisher, this.#subscriber].map(quit))
  }

  #receive(channel: string, raw: string) {
    const head = `${this.#prefix}ch:`
    const space = raw.indexOf(' ')
    const seq = Number(raw.slice(0, space))
    if (space < 1 || !Number.isSafeInteger(seq) || !channel.startsWith(head)) return
    this.#listener?.message({ channel: channel.slice(head.length), seq, event: raw.slice(space + 1) })
  }

  /** After a reconnect: make sure the pattern is active again before anyone reads a counter, then resync. */
  async #resubscribed() {
    if (!this.#subscribed || !this.#listener) return
    try {
      await this.#subscriber.psubscribe(`${this.#prefix}ch:tenant/*`)
      logger.info('realtime: Redis connection is back, resyncing subscribers')
      this.#listener?.resync()
    } catch (error) {
      logger.warn({ err: error }, 'realtime: could not resubscribe to Redis')
    }
  }
}

/** Closes a connection gracefully when it is open, at once otherwise. */
async function quit(connection: Redis) {
  if (connection.status === 'ready') {
    await connection.quit().catch(() => connection.disconnect())
  } else {
    connection.disconnect()
  }
}
