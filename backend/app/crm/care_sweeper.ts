import logger from '@adonisjs/core/services/logger'
import { inPlatform, inTenantAsSystem } from '#shared/scope'
import { runCareGenerator } from '#crm/actions/care_generator'

/**
 * Runs the customer-care generator for every tenant that has care rules, once per interval:
 * new tasks up to a week ahead, and `care_task.due` for tasks that fell due. Every backend
 * process may run one: a tenant's pass holds an advisory lock, so concurrent passes skip it, and
 * a task's unique key makes a repeat a no-op.
 */
export class CareSweeper {
  #timer: NodeJS.Timeout | null = null
  #busy = false

  start(intervalMs = 60_000) {
    this.#timer ??= setInterval(() => void this.sweep(), intervalMs)
  }

  stop() {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
  }

  /** One pass over the tenants with care rules; rules that ran recently and have not changed wait. */
  async sweep(now = new Date()) {
    if (this.#busy) return
    this.#busy = true
    try {
      const tenants = await inPlatform(async (trx) => {
        const { rows } = await trx.rawQuery('select distinct tenant_id from care_rules')
        return rows.map((r: { tenant_id: string }) => r.tenant_id)
      })
      for (const tenantId of tenants) {
        try {
          await inTenantAsSystem(tenantId, 'care', (scope) => runCareGenerator(scope, { now, throttle: true }))
        } catch (error) {
          logger.error({ err: error, tenantId }, 'Care generator failed for a tenant')
        }
      }
    } catch (error) {
      logger.error({ err: error }, 'Care sweep failed')
    } finally {
      this.#busy = false
    }
  }
}

/** The process's care sweeper; started by start/jobs.ts in the web server. */
export const careSweeper = new CareSweeper()
