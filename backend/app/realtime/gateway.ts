import type { Server as HttpServer, IncomingMessage } from 'node:http'
import { WebSocketServer, type WebSocket } from 'ws'
import logger from '@adonisjs/core/services/logger'
import env from '#start/env'
import { inTenant, type TenantScope } from '#shared/scope'
import { onCommittedEvent, type DomainEventEnvelope } from '#events/outbox'
import { parseToken } from '#identity/tokens'
import { findSession, type SessionUser } from '#identity/queries/session_query'
import { agentStatus, findQueue, listAgentStatuses, listQueues } from '#contact_center/queries/acd_query'
import { channelName, parseChannel, refusalOf, routeOf, wireBody, type Channel } from '#realtime/channels'
import { InProcessBus, type BusMessage, type RealtimeBus } from '#realtime/bus'
import { RedisBus } from '#realtime/redis_bus'
import { TeamMembers } from '#realtime/team_members'

/** One client's hold on one channel. */
interface Subscription {
  /** Deltas up to this sequence number are already in the snapshot the client got. */
  since: number
  /** Deltas that arrived while the snapshot was being read; sent right after it. */
  pending: BusMessage[] | null
}

interface Connection {
  socket: WebSocket
  user: SessionUser
  channels: Map<string, Subscription>
}

/** A client that lets this much pile up unread is cut off; it reconnects and starts from a snapshot. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024

/**
 * The one WebSocket endpoint (`/ws?token=…`). A client subscribes to channels it may see; each
 * subscription starts with a snapshot that carries the channel's current sequence number, then
 * deltas follow with the next numbers, so a gap is visible and a client that reconnects gets a
 * fresh snapshot instead of missing anything. Fan-out goes through a `RealtimeBus`: Redis pub/sub
 * when REDIS_URL is set (sequence numbers global across processes), in-process otherwise.
 */
export class RealtimeGateway {
  readonly #bus: RealtimeBus
  readonly #connections = new Set<Connection>()
  readonly #subscribers = new Map<string, Set<Connection>>()
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 })
  readonly #teams = new TeamMembers()
  /** Settles when the previous event's channels are known: events are published in commit order. */
  #routed: Promise<unknown> = Promise.resolve()
  #ready: Promise<void> | null = null
  #unsubscribe: (() => void) | null = null

  constructor(bus: RealtimeBus = busFromEnv()) {
    this.#bus = bus
  }

  /** How events reach the other processes: `redis` or `in-process`. */
  get fanOut() {
    return this.#bus.kind
  }

  /**
   * Takes over `upgrade` requests for /ws on the HTTP server and starts listening to the bus. The
   * process's gateway also publishes the events this process commits; a second gateway in the
   * same process (tests) passes `relayCommittedEvents: false` so each event is published once.
   */
  attach(server: HttpServer, options: { relayCommittedEvents?: boolean } = {}) {
    server.on('upgrade', (request, socket, head) => {
      if (!request.url?.startsWith('/ws')) return
      void this.#authenticate(request).then((user) => {
        if (!user) {
          socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\n\r\n')
          return
        }
        this.#wss.handleUpgrade(request, socket, head, (ws) => this.#accept(ws, user))
      })
    })
    this.#ready ??= this.#bus
      .subscribe({ message: (message) => this.#deliver(message), resync: () => this.#resync() })
      .then(() => logger.info(`realtime fan-out: ${this.#bus.kind}`))
      .catch((error) => logger.error({ err: error }, 'realtime: could not listen to the bus'))
    if (options.relayCommittedEvents !== false) {
      this.#unsubscribe ??= onCommittedEvent((event) => {
        this.publish(event).catch((error) => logger.error({ err: error, eventId: event.id }, 'realtime: publish failed'))
      })
    }
  }

  /** Disconnects every client and releases the bus's connections. */
  async close() {
    this.#unsubscribe?.()
    this.#unsubscribe = null
    for (const connection of this.#connections) connection.socket.terminate()
    this.#wss.close()
    await this.#bus.close()
  }

  /**
   * Publishes a committed event on each of its channels (a team-addressed one on each member's user
   * channel); every process delivers it to its subscribers. Events go out in the order they were
   * committed, also when one of them waits for its team members to be looked up.
   */
  async publish(event: DomainEventEnvelope) {
    const route = routeOf(event)
    const members = route.teamIds.length ? this.#teams.of(event.tenantId, route.teamIds) : null
    const previous = this.#routed
    const routed = previous.then(() => members ?? [])
    this.#routed = routed.catch(() => undefined)
    const channels = new Map<string, Channel>()
    for (const channel of route.channels) channels.set(channelName(event.tenantId, channel), channel)
    for (const id of await routed) {
      const channel: Channel = { kind: 'user', id }
      channels.set(channelName(event.tenantId, channel), channel)
    }
    // Channels that carry the same text (a team's user channels) go out in one bus call.
    const byBody = new Map<string, string[]>()
    let full: string | undefined
    let kindOnly: string | undefined
    for (const [name, channel] of channels) {
      const body = channel.kind === 'broadcast' ? (kindOnly ??= wireBody(event, channel)) : (full ??= wireBody(event, channel))
      const names = byBody.get(body)
      if (names) names.push(name)
      else byBody.set(body, [name])
    }
    await Promise.all([...byBody].map(([body, names]) => (names.length === 1 ? this.#bus.publish(names[0], body) : this.#bus.publishMany(names, body))))
  }

  async #authenticate(request: IncomingMessage) {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const token = parseToken(url.searchParams.get('token'))
    if (!token) return null
    // Embedded apps' REST tokens do not open sockets: apps get live events through the agent SDK.
    return inTenant(token.tenantId, (trx) => findSession(trx, token))
      .then((user) => (user?.app ? null : user))
      .catch(() => null)
  }

  #accept(socket: WebSocket, user: SessionUser) {
    const connection: Connection = { socket, user, channels: new Map() }
    this.#connections.add(connection)
    socket.on('close', () => {
      this.#connections.delete(connection)
      for (const name of connection.channels.keys()) this.#unlisten(connection, name)
    })
    socket.on('message', (raw) => void this.#onMessage(connection, raw.toString()))
    socket.send(JSON.stringify({ type: 'welcome', userId: user.id, tenantId: user.tenantId }))
  }

  async #onMessage(connection: Connection, raw: string) {
    let message: { type?: string; channel?: string }
    try {
      message = JSON.parse(raw)
    } catch {
      return this.#error(connection, null, 'E_BAD_REQUEST', 'Messages are JSON')
    }
    if (message.type === 'unsubscribe' && typeof message.channel === 'string') {
      const parsed = parseChannel(message.channel)
      if (parsed) this.#unlisten(connection, channelName(parsed.tenantId, parsed.channel))
      return
    }
    if (message.type !== 'subscribe' || typeof message.channel !== 'string') {
      return this.#error(connection, message.channel ?? null, 'E_BAD_REQUEST', 'Send { "type": "subscribe", "channel": "tenant/<id>/…" }')
    }
    await this.#subscribe(connection, message.channel)
  }

  /**
   * Listens first, then reads the sequence number, then the snapshot: a delta that commits while
   * the snapshot is read is held back and sent after it, and one already in the snapshot is dropped.
   */
  async #subscribe(connection: Connection, requested: string) {
    const parsed = parseChannel(requested)
    if (!parsed || parsed.tenantId !== connection.user.tenantId) return this.#error(connection, requested, 'E_NOT_FOUND', 'No such channel')
    const refusal = refusalOf(parsed.channel, connection.user)
    if (refusal) return this.#error(connection, requested, 'E_FORBIDDEN', refusal)
    const name = channelName(parsed.tenantId, parsed.channel)
    const subscription: Subscription = { since: 0, pending: [] }
    this.#listen(connection, name, subscription)
    try {
      await this.#ready
      const seq = await this.#bus.current(name)
      const data = await snapshotOf(connection.user, parsed.channel)
      if (connection.channels.get(name) !== subscription) return
      this.#send(connection, JSON.stringify({ type: 'snapshot', channel: name, seq, data }))
      const held = subscription.pending ?? []
      subscription.since = seq
      subscription.pending = null
      for (const message of held) if (message.seq > seq) this.#send(connection, wireEvent(message))
    } catch (error) {
      if (connection.channels.get(name) === subscription) this.#unlisten(connection, name)
      if ((error as { status?: number }).status === 404) return this.#error(connection, name, 'E_NOT_FOUND', 'No such channel')
      logger.error({ err: error }, 'realtime snapshot failed')
      this.#error(connection, name, 'E_INTERNAL', 'Could not subscribe')
    }
  }

  /** Delivers a delta from the bus to this process's subscribers of its channel (never across tenants). */
  #deliver(message: BusMessage) {
    const subscribers = this.#subscribers.get(message.channel)
    if (!subscribers) return
    const tenantId = parseChannel(message.channel)?.tenantId
    // Encoded once for every subscriber: a broadcast to thousands of sockets is one string-to-bytes.
    let wire: Buffer | null = null
    for (const connection of subscribers) {
      const subscription = connection.channels.get(message.channel)
      if (!subscription || connection.user.tenantId !== tenantId) continue
      if (subscription.pending) {
        subscription.pending.push(message)
      } else if (message.seq > subscription.since) {
        wire ??= Buffer.from(wireEvent(message))
        this.#send(connection, wire)
      }
    }
  }

  /** The bus may have lost deltas (reconnect): every subscription starts again from a snapshot. */
  #resync() {
    for (const connection of this.#connections) {
      for (const name of [...connection.channels.keys()]) void this.#subscribe(connection, name)
    }
  }

  #listen(connection: Connection, name: string, subscription: Subscription) {
    connection.channels.set(name, subscription)
    let subscribers = this.#subscribers.get(name)
    if (!subscribers) this.#subscribers.set(name, (subscribers = new Set()))
    subscribers.add(connection)
  }

  #unlisten(connection: Connection, name: string) {
    connection.channels.delete(name)
    const subscribers = this.#subscribers.get(name)
    subscribers?.delete(connection)
    if (subscribers?.size === 0) this.#subscribers.delete(name)
  }

  /** Sends a text frame (a Buffer holds UTF-8 text). */
  #send(connection: Connection, text: string | Buffer) {
    if (connection.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      logger.warn({ userId: connection.user.id }, 'realtime: client too slow, disconnecting')
      connection.socket.terminate()
      return
    }
    connection.socket.send(text, { binary: false })
  }

  #error(connection: Connection, channel: string | null, code: string, message: string) {
    this.#send(connection, JSON.stringify({ type: 'error', channel, code, message }))
  }
}

/** The wire form of a delta; `event` is already JSON. */
function wireEvent(message: BusMessage) {
  return `{"type":"event","channel":${JSON.stringify(message.channel)},"seq":${message.seq},"event":${message.event}}`
}

/**
 * The state a new subscriber starts from. A user channel and the broadcast start empty (no
 * database work): their events say what changed, and a client re-reads its lists (inbox, care
 * tasks, apps) on every snapshot, which is also what it gets after a reconnect.
 */
async function snapshotOf(user: SessionUser, channel: Channel) {
  if (channel.kind === 'user' || channel.kind === 'broadcast') return {}
  return inTenant(user.tenantId, async (trx) => {
    const scope: TenantScope = { tenantId: user.tenantId, trx, actor: { type: 'user', id: user.id, email: user.email }, origin: { ip: null, userAgent: 'ws', requestId: null } }
    if (channel.kind === 'agent') return agentStatus(scope, channel.id)
    if (channel.kind === 'queue') return findQueue(scope, channel.id)
    return { agents: await listAgentStatuses(scope), queues: await listQueues(scope) }
  })
}

/** Redis pub/sub when REDIS_URL is set, in-process otherwise. */
function busFromEnv(): RealtimeBus {
  const url = env.get('REDIS_URL')
  return url ? new RedisBus(url) : new InProcessBus()
}

/** The process's gateway. */
export const realtimeGateway = new RealtimeGateway()
