import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'

/** Japa plugins: assertions, the HTTP API client and the AdonisJS helpers. */
export const plugins: Config['plugins'] = [assert(), apiClient(), pluginAdonisJS(app)]

/** Migrations are run by the test command (scripts/test.mjs) as the owner role before Japa starts. */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [],
  teardown: [],
}

/** Functional suites start the HTTP server with the realtime gateway on it. */
export const configureSuite: Config['configureSuite'] = (suite) => {
  if (suite.name === 'functional') {
    return suite.setup(async () => {
      const close = await testUtils.httpServer().start()
      const { realtimeGateway } = await import('#realtime/gateway')
      const nodeServer = (await app.container.make('server')).getNodeServer()
      if (nodeServer) realtimeGateway.attach(nodeServer)
      return async () => {
        await realtimeGateway.close()
        // rtc-node's native handles would keep the test process alive.
        const { shutdownMediaBots } = await import('#voice/bot/runtime')
        await shutdownMediaBots()
        await close()
      }
    })
  }
}
