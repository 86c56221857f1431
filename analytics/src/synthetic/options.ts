/** What the synthetic history generator is asked for, parsed and bounded. */

/**
 * Where the history goes: `events` through the ingestor in this process, `direct` straight into the
 * fact tables, `kafka` onto the platform's bus for the running ingestor to consume.
 */
export type GenerateMode = 'events' | 'direct' | 'kafka'

/** The generator's options after parsing and defaults. */
export interface GenerateOptions {
  tenantId: string
  calls: number
  days: number
  queues: number
  /** 0: staffed from the load (enough agents for the peaks). */
  agents: number
  seed: string
  mode: GenerateMode
  timeZone: string
  /** The last local day of the history (YYYY-MM-DD); the history is the `days` days up to it. */
  endDate: string
  /** Stop (and say so) after this many seconds. */
  maxSeconds: number
  /** The organisation's real queues (`--queue-ids`), used instead of made-up ones; empty: made up. */
  queueIds?: string[]
  /** The organisation's real agents (`--agent-ids`), used instead of made-up ones; empty: made up. */
  agentIds?: string[]
  /** Kafka mode: the brokers (`--brokers`, else KAFKA_BROKERS). */
  brokers?: string[]
}

/** Upper bounds: the generator refuses anything larger. */
export const LIMITS = { calls: 50_000_000, eventsModeCalls: 1_000_000, days: 1_095, queues: 50, agents: 20_000, maxSeconds: 6 * 3600 } as const

/** The traffic model's proportions (shares of calls or of answered segments). */
export const MIX = {
  /** Service-level threshold (seconds) the answered waits are drawn around. */
  thresholdSeconds: 20,
  abandoned: 0.08,
  /** Of the abandons: hung up within 5 s. */
  shortAbandon: 0.35,
  /** Of the answered: answered within the threshold. */
  withinThreshold: 0.8,
  transferred: 0.06,
  held: 0.22,
  rona: 0.03,
  web: 0.1,
  /** Calls from a number that called in the last few days. */
  repeat: 0.18,
  repeatWithinDays: 3,
} as const

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A refused invocation (exit code 2). */
export class GenerateUsageError extends Error {}

/**
 * Parses `--name=value` arguments; `today` is the default end date's source, `env` the brokers'
 * (KAFKA_BROKERS) when `--brokers` is not given.
 */
export function parseGenerateArgs(argv: readonly string[], today: Date = new Date(), env: Record<string, string | undefined> = process.env): GenerateOptions {
  const args = new Map<string, string>()
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg)
    if (!match) throw new GenerateUsageError(`unexpected argument ${arg}`)
    args.set(match[1], match[2] ?? 'true')
  }
  const known = new Set(['tenant', 'calls', 'days', 'queues', 'agents', 'seed', 'mode', 'tz', 'end', 'max-seconds', 'queue-ids', 'agent-ids', 'brokers'])
  for (const key of args.keys()) if (!known.has(key)) throw new GenerateUsageError(`unknown option --${key}`)
  const tenantId = args.get('tenant') ?? ''
  if (!UUID.test(tenantId)) throw new GenerateUsageError('--tenant=<uuid> is required: the generator writes one tenant\'s rows only')
  const calls = integer(args, 'calls', null, 1, LIMITS.calls)
  const timeZone = args.get('tz') ?? 'Asia/Shanghai'
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
  } catch {
    throw new GenerateUsageError(`--tz: unknown time zone ${timeZone}`)
  }
  const mode = (args.get('mode') ?? (calls <= LIMITS.eventsModeCalls ? 'events' : 'direct')) as GenerateMode
  if (mode !== 'events' && mode !== 'direct' && mode !== 'kafka') throw new GenerateUsageError('--mode must be events, direct or kafka')
  if (mode !== 'direct' && calls > LIMITS.eventsModeCalls) throw new GenerateUsageError(`--mode=${mode} takes at most ${LIMITS.eventsModeCalls} calls; use --mode=direct`)
  if (mode !== 'kafka' && args.has('brokers')) throw new GenerateUsageError('--brokers is for --mode=kafka only')
  const brokers = mode === 'kafka' ? list(args.get('brokers') ?? env.KAFKA_BROKERS ?? '') : []
  if (mode === 'kafka' && !brokers.length) throw new GenerateUsageError('--mode=kafka needs --brokers=host:port[,host:port] or KAFKA_BROKERS')
  if (brokers.some((b) => !/^[\w.-]+:\d{1,5}$/.test(b))) throw new GenerateUsageError('--brokers must be host:port[,host:port]')
  const queueIds = ids(args, 'queue-ids', LIMITS.queues)
  const agentIds = ids(args, 'agent-ids', LIMITS.agents)
  const endDate = args.get('end') ?? localDate(today.getTime() - 86_400_000, timeZone)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate) || Number.isNaN(Date.parse(endDate))) throw new GenerateUsageError('--end must be YYYY-MM-DD')
  // A realistic center takes some tens of thousands of calls a day; longer histories for bigger N.
  const days = integer(args, 'days', Math.min(LIMITS.days, Math.max(30, Math.ceil(calls / 30_000))), 1, LIMITS.days)
  return {
    tenantId: tenantId.toLowerCase(),
    calls,
    days,
    queues: counted(args, 'queues', queueIds, 4, LIMITS.queues),
    agents: counted(args, 'agents', agentIds, 0, LIMITS.agents),
    seed: args.get('seed') ?? '1',
    mode,
    timeZone,
    endDate,
    maxSeconds: integer(args, 'max-seconds', 3600, 1, LIMITS.maxSeconds),
    queueIds,
    agentIds,
    brokers,
  }
}

function list(text: string): string[] {
  return text.split(',').map((item) => item.trim()).filter(Boolean)
}

/** `--queue-ids` / `--agent-ids`: distinct uuids, at most `max`; empty when not given. */
function ids(args: Map<string, string>, key: string, max: number): string[] {
  const text = args.get(key)
  if (text === undefined) return []
  const values = list(text).map((id) => id.toLowerCase())
  if (!values.length || values.length > max) throw new GenerateUsageError(`--${key} takes 1 to ${max} comma-separated uuids`)
  const bad = values.find((id) => !UUID.test(id))
  if (bad) throw new GenerateUsageError(`--${key}: ${bad} is not a uuid`)
  if (new Set(values).size !== values.length) throw new GenerateUsageError(`--${key}: an id is given twice`)
  return values
}

/** `--queues` / `--agents`: the count of the given ids when there are some (a different count is refused). */
function counted(args: Map<string, string>, key: string, given: readonly string[], fallback: number, max: number): number {
  if (!given.length) return integer(args, key, fallback, 1, max)
  if (args.has(key) && integer(args, key, fallback, 1, max) !== given.length) throw new GenerateUsageError(`--${key} must match the ${given.length} ids of --${key.slice(0, -1)}-ids (or be left out)`)
  return given.length
}

function integer(args: Map<string, string>, key: string, fallback: number | null, min: number, max: number): number {
  const text = args.get(key)
  if (text === undefined) {
    if (fallback === null) throw new GenerateUsageError(`--${key}=<n> is required`)
    return fallback
  }
  const value = Number(text.replace(/_/g, ''))
  if (!Number.isInteger(value) || value < min || value > max) throw new GenerateUsageError(`--${key} must be an integer from ${min} to ${max}`)
  return value
}

/** The local calendar date (YYYY-MM-DD) of a moment in a time zone. */
export function localDate(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms)
}
