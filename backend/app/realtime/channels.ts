import type { DomainEventEnvelope } from '#events/outbox'
import type { Permission } from '#identity/permissions'

/** A channel inside one tenant: an agent's own feed, a queue's feed, or the wallboard. */
export type Channel = { kind: 'agent'; id: string } | { kind: 'queue'; id: string } | { kind: 'wallboard' }

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const NAME = new RegExp(`^tenant/(${UUID})/(?:(agent|queue)/(${UUID})|(wallboard))$`, 'i')

/** Parses `tenant/<id>/agent/<id>`, `tenant/<id>/queue/<id>` or `tenant/<id>/wallboard`. */
export function parseChannel(name: string): { tenantId: string; channel: Channel } | null {
  const match = NAME.exec(name)
  if (!match) return null
  const [, tenantId, kind, id, wallboard] = match
  const channel: Channel = wallboard ? { kind: 'wallboard' } : { kind: kind.toLowerCase() as 'agent' | 'queue', id: id.toLowerCase() }
  return { tenantId: tenantId.toLowerCase(), channel }
}

/** The canonical name of a channel. */
export function channelName(tenantId: string, channel: Channel): string {
  return channel.kind === 'wallboard' ? `tenant/${tenantId}/wallboard` : `tenant/${tenantId}/${channel.kind}/${channel.id}`
}

/**
 * What a subscriber needs to hold: agents may follow their own feed; other agents' feeds and the
 * wallboard need `agents.view`; a queue needs `queues.view`.
 */
export function permissionFor(channel: Channel, userId: string): Permission {
  if (channel.kind === 'agent') return channel.id === userId ? 'calls.handle' : 'agents.view'
  if (channel.kind === 'queue') return 'queues.view'
  return 'agents.view'
}

/** The channels an event is delivered to (all within the event's tenant). */
export function channelsOf(event: DomainEventEnvelope): Channel[] {
  const payload = event.payload as Record<string, unknown>
  const channels: Channel[] = []
  const queueId = typeof payload.queueId === 'string' ? payload.queueId : null
  if (event.type.startsWith('agent.')) {
    channels.push({ kind: 'agent', id: event.entity.id }, { kind: 'wallboard' })
  } else if (event.type.startsWith('call.')) {
    // Every event of a call reaches the agent on it (offers, hold, transfer, supervision, end).
    if (typeof payload.agentId === 'string') channels.push({ kind: 'agent', id: payload.agentId })
    if (typeof payload.targetAgentId === 'string') channels.push({ kind: 'agent', id: payload.targetAgentId })
    if (queueId) channels.push({ kind: 'queue', id: queueId })
    if (event.type === 'call.overflowed' && typeof payload.to === 'string') channels.push({ kind: 'queue', id: payload.to })
    channels.push({ kind: 'wallboard' })
  }
  return channels
}
