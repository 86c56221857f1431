import type { TenantScope } from '#shared/scope'
import { notFound } from '#shared/errors'
import { paginate } from '#shared/pagination'

/** How much an announcement asks for attention. */
export type AnnouncementPriority = 'normal' | 'urgent'

/** Who an announcement is for: everyone in the organisation or the members of chosen teams. */
export type AnnouncementAudience = 'organisation' | 'teams'

/** An announcement as its authors (holders of announcements.manage) see it, with its reach. */
export interface Announcement {
  id: string
  title: string
  body: string
  priority: AnnouncementPriority
  audience: AnnouncementAudience
  teams: Array<{ id: string; name: string }>
  expiresAt: string | null
  createdBy: string | null
  createdByName: string | null
  createdAt: string
  recipientCount: number
  ackCount: number
}

/** An announcement as a recipient sees it in their inbox. */
export interface InboxAnnouncement {
  id: string
  title: string
  body: string
  priority: AnnouncementPriority
  expiresAt: string | null
  createdByName: string | null
  createdAt: string
  acknowledgedAt: string | null
}

/** One recipient of an announcement and whether (when) they acknowledged it. */
export interface Acknowledgement {
  userId: string
  displayName: string
  acknowledgedAt: string | null
}

/** SQL true when the announcement `a` is addressed to the user the expression names: everyone, or a member of one of its teams. */
function addressedTo(user: string) {
  return `(a.audience = 'organisation' or exists (
    select 1 from announcement_teams ant
    join team_members tm on tm.tenant_id = ant.tenant_id and tm.team_id = ant.team_id
    where ant.tenant_id = a.tenant_id and ant.announcement_id = a.id and tm.user_id = ${user}))`
}

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)

async function teamsOf(scope: TenantScope, ids: string[]) {
  const byAnnouncement = new Map<string, Array<{ id: string; name: string }>>()
  if (!ids.length) return byAnnouncement
  const rows = await scope.trx
    .from('announcement_teams as ant')
    .join('teams as t', (join) => join.on('t.tenant_id', 'ant.tenant_id').andOn('t.id', 'ant.team_id'))
    .where('ant.tenant_id', scope.tenantId)
    .whereIn('ant.announcement_id', ids)
    .orderBy('t.name')
    .select('ant.announcement_id', 't.id', 't.name')
  for (const row of rows) {
    const list = byAnnouncement.get(row.announcement_id) ?? []
    list.push({ id: row.id, name: row.name })
    byAnnouncement.set(row.announcement_id, list)
  }
  return byAnnouncement
}

/** Announcements (`a`) with their author's name and their recipient and acknowledgement counts. */
function managedQuery(scope: TenantScope) {
  return scope.trx
    .from('announcements as a')
    .leftJoin('users as cb', (join) => join.on('cb.tenant_id', 'a.tenant_id').andOn('cb.id', 'a.created_by'))
    .where('a.tenant_id', scope.tenantId)
    .select(
      'a.*',
      'cb.display_name as created_by_name',
      scope.trx.raw(`(select count(*) from announcement_acks k where k.tenant_id = a.tenant_id and k.announcement_id = a.id)::int as ack_count`),
      scope.trx.raw(`(select count(*) from users u where u.tenant_id = a.tenant_id and u.status = 'active' and ${addressedTo('u.id')})::int as recipient_count`)
    )
}

async function hydrate(scope: TenantScope, rows: Record<string, any>[]): Promise<Announcement[]> {
  const teams = await teamsOf(scope, rows.filter((row) => row.audience === 'teams').map((row) => row.id))
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    body: row.body,
    priority: row.priority,
    audience: row.audience,
    teams: teams.get(row.id) ?? [],
    expiresAt: iso(row.expires_at),
    createdBy: row.created_by,
    createdByName: row.created_by_name ?? null,
    createdAt: iso(row.created_at)!,
    recipientCount: row.recipient_count,
    ackCount: row.ack_count,
  }))
}

/** One announcement of the organisation, or 404. */
export async function findAnnouncement(scope: TenantScope, id: string): Promise<Announcement> {
  const row = await managedQuery(scope).where('a.id', id).first()
  if (!row) throw notFound('Announcement')
  return (await hydrate(scope, [row]))[0]
}

/** A page of the organisation's announcements, newest first. */
export async function listAnnouncements(scope: TenantScope, input: { page?: number; perPage?: number }) {
  const query = managedQuery(scope).orderBy('a.created_at', 'desc').orderBy('a.id', 'desc')
  return paginate(query, input, 25, (rows) => hydrate(scope, rows))
}

/** Who an announcement reaches (active recipients) plus anyone who acknowledged it; acknowledged first, then by name. */
export async function listAcknowledgements(scope: TenantScope, id: string): Promise<Acknowledgement[]> {
  await findAnnouncement(scope, id)
  const { rows } = await scope.trx.rawQuery(
    `select u.id, u.display_name, k.acknowledged_at
       from announcements a
       join users u on u.tenant_id = a.tenant_id
       left join announcement_acks k on k.tenant_id = a.tenant_id and k.announcement_id = a.id and k.user_id = u.id
      where a.tenant_id = ? and a.id = ?
        and (k.user_id is not null or (u.status = 'active' and ${addressedTo('u.id')}))
      order by k.acknowledged_at asc nulls last, u.display_name, u.id
      limit 5000`,
    [scope.tenantId, id]
  )
  return rows.map((row: Record<string, any>) => ({ userId: row.id, displayName: row.display_name, acknowledgedAt: iso(row.acknowledged_at) }))
}

/** The live announcements addressed to a user (`a` plus their acknowledgement `k`). */
function inboxQuery(scope: TenantScope, userId: string) {
  return scope.trx
    .from('announcements as a')
    .leftJoin('announcement_acks as k', (join) => join.on('k.tenant_id', 'a.tenant_id').andOn('k.announcement_id', 'a.id').andOnVal('k.user_id', userId))
    .leftJoin('users as cb', (join) => join.on('cb.tenant_id', 'a.tenant_id').andOn('cb.id', 'a.created_by'))
    .where('a.tenant_id', scope.tenantId)
    .where((q) => q.whereNull('a.expires_at').orWhereRaw('a.expires_at > now()'))
    .whereRaw(addressedTo('?'), [userId])
    .select('a.id', 'a.title', 'a.body', 'a.priority', 'a.expires_at', 'a.created_at', 'k.acknowledged_at', 'cb.display_name as created_by_name')
}

function toInbox(row: Record<string, any>): InboxAnnouncement {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    priority: row.priority,
    expiresAt: iso(row.expires_at),
    createdByName: row.created_by_name ?? null,
    createdAt: iso(row.created_at)!,
    acknowledgedAt: iso(row.acknowledged_at),
  }
}

/** A user's live announcements: unacknowledged first, urgent before normal, then newest first. */
export async function listInbox(scope: TenantScope, userId: string): Promise<InboxAnnouncement[]> {
  const rows = await inboxQuery(scope, userId)
    .orderByRaw('(k.acknowledged_at is null) desc')
    .orderByRaw(`(a.priority = 'urgent') desc`)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(200)
  return rows.map(toInbox)
}

/** One live announcement addressed to the user, or 404 (others' teams, expired, other tenants alike). */
export async function findInboxAnnouncement(scope: TenantScope, userId: string, id: string): Promise<InboxAnnouncement> {
  const row = await inboxQuery(scope, userId).where('a.id', id).first()
  if (!row) throw notFound('Announcement')
  return toInbox(row)
}
