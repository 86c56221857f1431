import logger from '@adonisjs/core/services/logger'
import { inPlatform, inTenantAsSystem } from '#shared/scope'
import { acdTick } from '#contact_center/actions/housekeeping'

/**
 * Runs the ACD's own work (RONA, wrap-ups, overflow, due callbacks, routing) for every tenant that has some, once
 * per interval. Every backend process may run one: the passes claim rows with SKIP LOCKED, so
 * they share the work instead of repeating it.
 */
export class AcdSweeper {
  #timer: NodeJS.Timeout | null = null
  #busy = false

  start(intervalMs = 1000) {
    this.#timer ??= setInterval(() => void this.sweep(), intervalMs)
  }

  stop() {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
  }

  /** One sweep over the tenants with waiting calls, expiring offers, agents in wrap-up or callbacks due. */
  async sweep() {
    if (this.#busy) return
    this.#busy = true
    try {
      const tenants = await inPlatform(async (trx) => {
        const { rows } = await trx.rawQuery(
          `select tenant_id from calls where status = 'queued'
           union select tenant_id from offers where status = 'pending' and expires_at <= now()
           union select tenant_id from agent_states where state = 'wrap_up'
           union select tenant_id from scheduled_callbacks where status = 'scheduled' and due_at <= now()`
        )
        return rows.map((r: { tenant_id: string }) => r.tenant_id)
      })
      for (const tenantId of tenants) {
        await inTenantAsSystem(tenantId, 'acd', acdTick)
      }
    } catch (error) {
      logger.error({ err: error }, 'ACD sweep failed')
    } finally {
      this.#busy = false
    }
  }
}

/** The process's sweeper; started by start/jobs.ts in the web server. */
export const acdSweeper = new AcdSweeper()
