import { newId } from '#shared/ids'
import { FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import {
  type Announcement,
  type AnnouncementAudience,
  type AnnouncementPriority,
  type InboxAnnouncement,
  findAnnouncement,
  findInboxAnnouncement,
} from '#announcements/queries/announcement_query'

/** A new announcement. */
export interface CreateAnnouncementInput {
  title: string
  body: string
  priority?: AnnouncementPriority
  audience: AnnouncementAudience
  teamIds?: string[]
  expiresAt?: Date | null
}

/** The teams of a teams-audience announcement: at least one, each a team of the organisation. */
async function checkTeams(scope: TenantScope, input: CreateAnnouncementInput): Promise<string[]> {
  const teamIds = input.teamIds ?? []
  if (input.audience === 'organisation') {
    if (teamIds.length) throw new FieldError('teamIds', 'prohibited', 'An announcement to the whole organisation names no teams')
    return []
  }
  if (!teamIds.length) throw new FieldError('teamIds', 'required', 'Choose at least one team')
  const found = await scope.trx.from('teams').where('tenant_id', scope.tenantId).whereIn('id', teamIds).count('* as total')
  if (Number(found[0].total) !== teamIds.length) throw new FieldError('teamIds', 'exists', 'Every team must be a team of your organisation')
  return teamIds
}

/** Posts an announcement to the organisation or to chosen teams and publishes `announcement.published`. */
export async function publishAnnouncement(scope: TenantScope, input: CreateAnnouncementInput): Promise<Announcement> {
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw new FieldError('expiresAt', 'after', 'The expiry must be in the future')
  const teamIds = await checkTeams(scope, input)
  const id = newId()
  await scope.trx.table('announcements').insert({
    tenant_id: scope.tenantId,
    id,
    title: input.title,
    body: input.body,
    priority: input.priority ?? 'normal',
    audience: input.audience,
    expires_at: input.expiresAt ?? null,
    created_by: scope.actor.type === 'user' ? scope.actor.id : null,
  })
  if (teamIds.length) {
    await scope.trx.table('announcement_teams').multiInsert(teamIds.map((teamId) => ({ tenant_id: scope.tenantId, announcement_id: id, team_id: teamId })))
  }
  await recordEvent(scope, {
    type: 'announcement.published',
    entityType: 'announcement',
    entityId: id,
    payload: { priority: input.priority ?? 'normal', audience: input.audience, teamIds, expiresAt: input.expiresAt?.toISOString() ?? null },
  })
  return findAnnouncement(scope, id)
}

/** Withdraws an announcement: it leaves every inbox with its acknowledgements. */
export async function withdrawAnnouncement(scope: TenantScope, id: string): Promise<Announcement> {
  const before = await findAnnouncement(scope, id)
  await scope.trx.from('announcements').where('tenant_id', scope.tenantId).where('id', id).delete()
  await recordEvent(scope, {
    type: 'announcement.withdrawn',
    entityType: 'announcement',
    entityId: id,
    payload: { ackCount: before.ackCount, audience: before.audience, teamIds: before.teams.map((team) => team.id) },
  })
  return before
}

/**
 * The user acknowledges a live announcement addressed to them (404 otherwise). Acknowledging again
 * changes nothing: the first time stays and only the first publishes `announcement.acknowledged`.
 */
export async function acknowledgeAnnouncement(scope: TenantScope, userId: string, id: string): Promise<{ announcement: InboxAnnouncement; first: boolean }> {
  await findInboxAnnouncement(scope, userId, id)
  const inserted = await scope.trx.rawQuery(
    'insert into announcement_acks (tenant_id, announcement_id, user_id) values (?, ?, ?) on conflict do nothing returning user_id',
    [scope.tenantId, id, userId]
  )
  const first = inserted.rows.length > 0
  if (first) await recordEvent(scope, { type: 'announcement.acknowledged', entityType: 'announcement', entityId: id, payload: { userId } })
  return { announcement: await findInboxAnnouncement(scope, userId, id), first }
}
