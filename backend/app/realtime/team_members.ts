import { inTenant } from '#shared/scope'

interface Batch {
  teamIds: Set<string>
  rows: Promise<Array<{ team_id: string; user_id: string }>>
}

/**
 * Resolves teams to their active members for the gateway (a team-addressed event goes to each
 * member's user channel). Lookups asked for in the same moment (every event of one commit, e.g. a
 * care pass creating many team tasks) share one query per tenant, and queries run one at a time.
 */
export class TeamMembers {
  readonly #collecting = new Map<string, Batch>()
  #queue: Promise<unknown> = Promise.resolve()

  /** The distinct active members of the teams. */
  async of(tenantId: string, teamIds: readonly string[]): Promise<string[]> {
    if (!teamIds.length) return []
    let batch = this.#collecting.get(tenantId)
    if (!batch) {
      const collected = new Set<string>()
      const rows = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.#collecting.delete(tenantId)
        const read = this.#queue.then(() => readMembers(tenantId, [...collected]))
        this.#queue = read.catch(() => undefined)
        return read
      })
      batch = { teamIds: collected, rows }
      this.#collecting.set(tenantId, batch)
    }
    for (const id of teamIds) batch.teamIds.add(id)
    const wanted = new Set(teamIds)
    return [...new Set((await batch.rows).filter((row) => wanted.has(row.team_id)).map((row) => row.user_id))]
  }
}

async function readMembers(tenantId: string, teamIds: string[]) {
  return inTenant(tenantId, async (trx) => {
    const { rows } = await trx.rawQuery(
      `select tm.team_id, tm.user_id
         from team_members tm
         join users u on u.tenant_id = tm.tenant_id and u.id = tm.user_id
        where tm.tenant_id = ? and tm.team_id = any(?::uuid[]) and u.status = 'active'`,
      [tenantId, teamIds]
    )
    return rows as Array<{ team_id: string; user_id: string }>
  })
}
