import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Runs ACD passes for one tenant until nothing is left to route (or the round limit), printing
 * one JSON line with the offers it made. The concurrency test starts several of these at once.
 */
export default class AcdRoute extends BaseCommand {
  static commandName = 'acd:route'
  static description = 'Route waiting calls of one tenant until none can be offered'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Tenant id', required: true })
  declare tenant: string

  @flags.number({ description: 'Most passes to run', default: 200 })
  declare rounds: number

  @flags.number({ description: 'Calls looked at per pass', default: 5 })
  declare batch: number

  @flags.number({ description: 'Wall-clock time (ms since epoch) to start at, so several processes start together' })
  declare startAt?: number

  async run() {
    const { inTenantAsSystem } = await import('#shared/scope')
    const { routeWaitingCalls } = await import('#contact_center/actions/routing')
    const offers: Array<{ callId: string; userId: string }> = []
    if (this.startAt) await new Promise((resolve) => setTimeout(resolve, Math.max(0, this.startAt! - Date.now())))
    for (let round = 0; round < this.rounds; round++) {
      const made = await inTenantAsSystem(this.tenant, 'acd', (scope) => routeWaitingCalls(scope, this.batch))
      offers.push(...made.map((o) => ({ callId: o.callId, userId: o.userId })))
      if (made.length === 0) break
    }
    this.logger.log(JSON.stringify({ pid: process.pid, offers }))
  }
}
