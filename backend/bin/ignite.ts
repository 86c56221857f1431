/**
 * The application's Ignitor, shared by the server, console and test entrypoints: the app root,
 * the importer that resolves app files, and the lifecycle hooks.
 */
const { Ignitor } = await import('@adonisjs/core')

const APP_ROOT = new URL('../', import.meta.url)

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

/** A configured Ignitor; `stopOnInterrupt` lets Ctrl-C end the server cleanly. */
export function ignite(options: { stopOnInterrupt?: boolean } = {}) {
  return new Ignitor(APP_ROOT, { importer: IMPORTER }).tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.listen('SIGTERM', () => app.terminate())
    if (options.stopOnInterrupt) app.listen('SIGINT', () => app.terminate())
    else app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
}
