import type { DomainEventEnvelope } from '#events/outbox'
import type { Permission } from '#identity/permissions'

/**
 * A channel inside one tenant: an agent's feed, a queue's feed, the wallboard, a user's own feed
 * (announcements, care tasks, reminders addressed to them) or the tenant's broadcast (what every
 * signed-in user may hear: configuration changes and organisation-wide announcements, no payloads).
 */
export type Channel =
  | { kind: 'agent'; id: string }
  | { kind: 'queue'; id: string }
  | { kind: 'user'; id: string }
  | { kind: 'wallboard' }
  | { kind: 'broadcast' }

/** Where an event goes: channels, plus teams whose members each get it on their own user channel. */
export interface Route {
  channels: Channel[]
  teamIds: string[]
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const NAME = new RegExp(`^tenant/(${UUID})/(?:(agent|queue|user)/(${UUID})|(wallboard|broadcast))$`, 'i')

/** Parses `tenant/<id>/agent/<id>`, `…/queue/<id>`, `…/user/<id>`, `…/wallboard` or `…/broadcast`. */
export function parseChannel(name: string): { tenantId: string; channel: Channel } | null {
  const match = NAME.exec(name)
  if (!match) return null
  const [, tenantId, kind, id, whole] = match
  const channel: Channel = whole
    ? { kind: whole.toLowerCase() as 'wallboard' | 'broadcast' }
    : { kind: kind.toLowerCase() as 'agent' | 'queue' | 'user', id: id.toLowerCase() }
  return { tenantId: tenantId.toLowerCase(), channel }
}

/** The canonical name of a channel. */
export function channelName(tenantId: string, channel: Channel): string {
  return 'id' in channel ? `tenant/${tenantId}/${channel.kind}/${channel.id}` : `tenant/${tenantId}/${channel.kind}`
}

/**
 * Why a signed-in user of the channel's tenant may not follow it (null: they may). Agents may
 * follow their own feed; other agents' feeds and the wallboard need `agents.view`; a queue needs
 * `queues.view`; a user channel is its user's alone; the broadcast is for everyone.
 */
export function refusalOf(channel: Channel, user: { id: string; permissions: ReadonlySet<Permission> }): string | null {
  if (channel.kind === 'broadcast') return null
  if (channel.kind === 'user') return channel.id === user.id ? null : 'Only its user may follow a user channel'
  const permission: Permission =
    channel.kind === 'agent' ? (channel.id === user.id ? 'calls.handle' : 'agents.view') : channel.kind === 'queue' ? 'queues.view' : 'agents.view'
  return user.permissions.has(permission) ? null : `You need ${permission}`
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : null)

/** A user channel, or nothing when the id is missing. */
const userChannel = (id: unknown): Channel[] => (text(id) ? [{ kind: 'user', id: text(id)! }] : [])

/** Call-centre events: the agent, the queue(s) and the wallboard. */
function callRoute(event: DomainEventEnvelope, payload: Record<string, unknown>): Channel[] {
  if (event.type.startsWith('agent.')) return [{ kind: 'agent', id: event.entity.id }, { kind: 'wallboard' }]
  const channels: Channel[] = []
  // Every event of a call reaches the agent on it (offers, hold, transfer, supervision, end).
  if (text(payload.agentId)) channels.push({ kind: 'agent', id: text(payload.agentId)! })
  if (text(payload.targetAgentId)) channels.push({ kind: 'agent', id: text(payload.targetAgentId)! })
  if (text(payload.queueId)) channels.push({ kind: 'queue', id: text(payload.queueId)! })
  if (event.type === 'call.overflowed' && text(payload.to)) channels.push({ kind: 'queue', id: text(payload.to)! })
  channels.push({ kind: 'wallboard' })
  return channels
}

/** Who hears of an announcement: everyone (the broadcast) or the members of its teams; an acknowledgement only its user. */
function announcementRoute(event: DomainEventEnvelope, payload: Record<string, unknown>): Route {
  if (event.type === 'announcement.acknowledged') return { channels: userChannel(payload.userId), teamIds: [] }
  if (payload.audience === 'organisation') return { channels: [{ kind: 'broadcast' }], teamIds: [] }
  const teamIds = Array.isArray(payload.teamIds) ? payload.teamIds.filter((id): id is string => typeof id === 'string') : []
  return { channels: [], teamIds }
}

/**
 * A care task's people: its assignee, and its team while nobody has claimed it (a claim also tells
 * the team, so the task leaves their lists).
 */
function careTaskRoute(event: DomainEventEnvelope, payload: Record<string, unknown>): Route {
  const assignee = text(payload.assigneeUserId)
  const team = text(payload.assigneeTeamId)
  const toTeam = team && (!assignee || event.type === 'care_task.claimed')
  return { channels: userChannel(assignee), teamIds: toTeam ? [team] : [] }
}

/** Where an event is delivered (all within the event's tenant). */
export function routeOf(event: DomainEventEnvelope): Route {
  const payload = (event.payload ?? {}) as Record<string, unknown>
  const family = event.type.slice(0, event.type.indexOf('.'))
  switch (family) {
    case 'agent':
    case 'call':
      return { channels: callRoute(event, payload), teamIds: [] }
    case 'announcement':
      return announcementRoute(event, payload)
    case 'care_task':
      return careTaskRoute(event, payload)
    case 'reminder':
      return { channels: userChannel(payload.userId), teamIds: [] }
    case 'callback':
      // The agent a callback is booked for (queue-wide callbacks reach agents as calls when due).
      return { channels: userChannel(payload.agentId), teamIds: [] }
    case 'embedded_app':
      return { channels: [{ kind: 'broadcast' }], teamIds: [] }
    case 'care_rule':
      // Deleting a rule removes its open tasks from people's lists.
      return { channels: event.type === 'care_rule.deleted' ? [{ kind: 'broadcast' }] : [], teamIds: [] }
    case 'datacenter':
      // New KPI settings change the wallboard's service level and its label at once.
      return { channels: event.type === 'datacenter.settings_changed' ? [{ kind: 'wallboard' }] : [], teamIds: [] }
    default:
      return { channels: [], teamIds: [] }
  }
}

/** The channels an event reaches directly (team members' user channels are resolved by the gateway). */
export function channelsOf(event: DomainEventEnvelope): Channel[] {
  return routeOf(event).channels
}

/**
 * The event as a channel carries it. The broadcast reaches everyone in the tenant, so it carries
 * only the kind of change (type, entity, time), never a payload.
 */
export function wireBody(event: DomainEventEnvelope, channel: Channel): string {
  const payload = channel.kind === 'broadcast' ? {} : event.payload
  return JSON.stringify({ id: event.id, type: event.type, occurredAt: event.occurredAt, entity: event.entity, payload })
}
