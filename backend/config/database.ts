import env from '#start/env'
import { defineConfig } from '@adonisjs/lucid'

/**
 * Two connections to one database: `app` is the runtime role (not superuser, not owner, no
 * BYPASSRLS) that every request uses; `owner` owns the tables and only runs migrations.
 */
const dbConfig = defineConfig({
  connection: 'app',
  connections: {
    app: {
      client: 'pg',
      connection: env.get('DB_APP_URL'),
      pool: { min: 0, max: 20 },
    },
    owner: {
      client: 'pg',
      connection: env.get('DB_OWNER_URL') ?? env.get('DB_APP_URL'),
      pool: { min: 0, max: 2 },
      migrations: {
        naturalSort: true,
        paths: ['database/migrations'],
      },
      schemaGeneration: { enabled: false },
    },
  },
})

export default dbConfig
