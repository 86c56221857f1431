/**
 * Ace entrypoint: boots the command-line framework (migrations, seeders, tests).
 */
await import('reflect-metadata')
const { prettyPrintError } = await import('@adonisjs/core')
const { ignite } = await import('./ignite.js')

ignite()
  .ace()
  .handle(process.argv.splice(2))
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
