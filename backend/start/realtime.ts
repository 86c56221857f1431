/**
 * Attaches the realtime WebSocket gateway (/ws) to the HTTP server once it listens. The test
 * bootstrap attaches it to the test server itself.
 */
import app from '@adonisjs/core/services/app'
import { realtimeGateway } from '#realtime/gateway'

if (app.getEnvironment() === 'web') {
  app.ready(async () => {
    const server = await app.container.make('server')
    const nodeServer = server.getNodeServer()
    if (nodeServer) realtimeGateway.attach(nodeServer)
  })
  app.terminating(() => realtimeGateway.close())
}
