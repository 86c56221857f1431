/**
 * HTTP server entrypoint. Listens over plain HTTP, or over TLS with optional client certificates
 * (mutual TLS for certificate login) when TLS_CERT_FILE and TLS_KEY_FILE are set.
 */
await import('reflect-metadata')
const { Ignitor, prettyPrintError } = await import('@adonisjs/core')
const { createTlsServerFactory } = await import('#start/tls')

const APP_ROOT = new URL('../', import.meta.url)

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listen('SIGINT', () => app.terminate())
  })
  .httpServer()
  .start(createTlsServerFactory())
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
