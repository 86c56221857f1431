import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Seeds the demo tenant (once) and the platform operator, and prints how to sign in. */
export default class SeedDemo extends BaseCommand {
  static commandName = 'seed:demo'
  static description = 'Create the demo tenant with its users, and the platform operator, unless they exist'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Password of every demo user', default: 'demo-password-1' })
  declare password: string

  async run() {
    const { seedDemo } = await import('#database/seeders/demo_tenant')
    const result = await seedDemo(this.password)
    this.logger.info(result.created ? 'Demo tenant created' : 'Demo tenant already present')
    this.logger.log(result.instructions)
  }
}
