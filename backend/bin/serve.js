/**
 * JavaScript entrypoint for the HTTP server: registers the TypeScript loader, then boots the server.
 */
import '@poppinss/ts-exec'

await import('./server.js')
