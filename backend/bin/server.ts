/**
 * HTTP server entrypoint. Listens over plain HTTP, or over TLS with optional client certificates
 * (mutual TLS for certificate login) when TLS_CERT_FILE and TLS_KEY_FILE are set.
 */
await import('reflect-metadata')
const { prettyPrintError } = await import('@adonisjs/core')
const { ignite } = await import('./ignite.js')
const { createTlsServerFactory } = await import('#start/tls')

ignite({ stopOnInterrupt: true })
  .httpServer()
  .start(createTlsServerFactory())
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
