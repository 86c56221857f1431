import type { Server as HttpServer, IncomingMessage } from 'node:http'
import { WebSocketServer, type WebSocket } from 'ws'
import logger from '@adonisjs/core/services/logger'
import { inTenant, type TenantScope } from '#shared/scope'
import { onCommittedEvent, type DomainEventEnvelope } from '#events/outbox'
import { parseToken } from '#identity/tokens'
import { findSession, type SessionUser } from '#identity/queries/session_query'
import { agentStatus, findQueue, listAgentStatuses, listQueues } from '#contact_center/queries/acd_query'
import { channelName, channelsOf, parseChannel, permissionFor, type Channel } from '#realtime/channels'

interface Connection {
  socket: WebSocket
  user: SessionUser
  channels: Set<string>
}

/**
 * The one WebSocket endpoint (`/ws?token=…`). A client subscribes to channels it may see; each
 * subscription starts with a snapshot, then events follow with a per-channel sequence number, so a
 * client that reconnects resubscribes and gets a fresh snapshot instead of missing anything.
 * Fan-out is in-process (one backend process); the Redis adapter joins the processes later.
 */
export class RealtimeGateway {
  readonly #connections = new Set<Connection>()
  readonly #sequence = new Map<string, number>()
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 })
  #unsubscribe: (() => void) | null = null

  /** Takes over `upgrade` requests for /ws on the HTTP server. */
  attach(server: HttpServer) {
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
    this.#unsubscribe ??= onCommittedEvent((event) => this.publish(event))
  }

  close() {
    this.#unsubscribe?.()
    this.#unsubscribe = null
    for (const connection of this.#connections) connection.socket.terminate()
    this.#wss.close()
  }

  /** Delivers a committed event to every subscriber of its channels. */
  publish(event: DomainEventEnvelope) {
    for (const channel of channelsOf(event)) {
      const name = channelName(event.tenantId, channel)
      const subscribers = [...this.#connections].filter((c) => c.channels.has(name))
      if (subscribers.length === 0) continue
      const seq = this.#next(name)
      const message = JSON.stringify({ type: 'event', channel: name, seq, event: { id: event.id, type: event.type, occurredAt: event.occurredAt, entity: event.entity, payload: event.payload } })
      for (const subscriber of subscribers) subscriber.socket.send(message)
    }
  }

  async #authenticate(request: IncomingMessage) {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const token = parseToken(url.searchParams.get('token'))
    if (!token) return null
    return inTenant(token.tenantId, (trx) => findSession(trx, token)).catch(() => null)
  }

  #accept(socket: WebSocket, user: SessionUser) {
    const connection: Connection = { socket, user, channels: new Set() }
    this.#connections.add(connection)
    socket.on('close', () => this.#connections.delete(connection))
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
    if (message.type === 'unsubscribe' && message.channel) {
      connection.channels.delete(message.channel)
      return
    }
    if (message.type !== 'subscribe' || typeof message.channel !== 'string') {
      return this.#error(connection, message.channel ?? null, 'E_BAD_REQUEST', 'Send { "type": "subscribe", "channel": "tenant/<id>/…" }')
    }
    const parsed = parseChannel(message.channel)
    if (!parsed || parsed.tenantId !== connection.user.tenantId) return this.#error(connection, message.channel, 'E_NOT_FOUND', 'No such channel')
    if (!connection.user.permissions.has(permissionFor(parsed.channel, connection.user.id))) {
      return this.#error(connection, message.channel, 'E_FORBIDDEN', `You need ${permissionFor(parsed.channel, connection.user.id)}`)
    }
    const name = channelName(parsed.tenantId, parsed.channel)
    try {
      const data = await inTenant(connection.user.tenantId, (trx) =>
        snapshotOf({ tenantId: connection.user.tenantId, trx, actor: { type: 'user', id: connection.user.id, email: connection.user.email }, origin: { ip: null, userAgent: 'ws', requestId: null } }, parsed.channel)
      )
      connection.channels.add(name)
      connection.socket.send(JSON.stringify({ type: 'snapshot', channel: name, seq: this.#sequence.get(name) ?? 0, data }))
    } catch (error) {
      if ((error as { status?: number }).status === 404) return this.#error(connection, name, 'E_NOT_FOUND', 'No such channel')
      logger.error({ err: error }, 'realtime snapshot failed')
      this.#error(connection, name, 'E_INTERNAL', 'Could not subscribe')
    }
  }

  #next(name: string) {
    const seq = (this.#sequence.get(name) ?? 0) + 1
    this.#sequence.set(name, seq)
    return seq
  }

  #error(connection: Connection, channel: string | null, code: string, message: string) {
    connection.socket.send(JSON.stringify({ type: 'error', channel, code, message }))
  }
}

/** The state a new subscriber starts from. */
async function snapshotOf(scope: TenantScope, channel: Channel) {
  if (channel.kind === 'agent') return agentStatus(scope, channel.id)
  if (channel.kind === 'queue') return findQueue(scope, channel.id)
  return { agents: await listAgentStatuses(scope), queues: await listQueues(scope) }
}

/** The process's gateway. */
export const realtimeGateway = new RealtimeGateway()
