/**
 * Validated environment. The stack script (scripts/stack.mjs) fills these for the embedded
 * defaults; in production they come from the deployment.
 */
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  APP_URL: Env.schema.string.optional(),
  LOG_LEVEL: Env.schema.string.optional(),
  DB_APP_URL: Env.schema.string(),
  DB_OWNER_URL: Env.schema.string.optional(),
  DB_APP_ROLE: Env.schema.string.optional(),
  FRONTEND_DIST: Env.schema.string.optional(),
  TRUST_PROXY_CLIENT_CERT: Env.schema.boolean.optional(),
  TRUSTED_PROXIES: Env.schema.string.optional(),
  MAIL_DRIVER: Env.schema.enum.optional(['devmailbox', 'log'] as const),
  PLATFORM_ADMIN_EMAIL: Env.schema.string.optional(),
  PLATFORM_ADMIN_PASSWORD: Env.schema.string.optional(),
  FILES_DIR: Env.schema.string.optional(),
  LIVEKIT_URL: Env.schema.string.optional(),
  LIVEKIT_API_KEY: Env.schema.string.optional(),
  LIVEKIT_API_SECRET: Env.schema.string.optional(),
  /** `true` when a SIP gateway (livekit-sip) serves this LiveKit deployment. */
  // A boolean: the enum validator casts 'true'/'false' to booleans before comparing, so it refused both.
  LIVEKIT_SIP: Env.schema.boolean.optional(),
  /** The SIP outbound trunk id (created on the SIP gateway for the carrier) outbound calls use. */
  LIVEKIT_SIP_OUTBOUND_TRUNK: Env.schema.string.optional(),
  REDIS_URL: Env.schema.string.optional(),
  /** Kafka brokers (`host:port,…`) the outbox relay publishes to; unset: the in-process bus. */
  KAFKA_BROKERS: Env.schema.string.optional(),
})
