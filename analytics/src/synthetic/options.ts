/** What the synthetic history generator is asked for, parsed and bounded. */

/** How the history gets into the store. */
export type GenerateMode = 'events' | 'direct'

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

/** Parses `--name=value` arguments; `today` is the default end date's source. */
export function parseGenerateArgs(argv: readonly string[], today: Date = new Date()): GenerateOptions {
  const args = new Map<string, string>()
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg)
    if (!match) throw new GenerateUsageError(`unexpected argument ${arg}`)
    args.set(match[1], match[2] ?? 'true')
  }
  const known = new Set(['tenant', 'calls', 'days', 'queues', 'agents', 'seed', 'mode', 'tz', 'end', 'max-seconds'])
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
  if (mode !== 'events' && mode !== 'direct') throw new GenerateUsageError('--mode must be events or direct')
  if (mode === 'events' && calls > LIMITS.eventsModeCalls) throw new GenerateUsageError(`--mode=events takes at most ${LIMITS.eventsModeCalls} calls; use --mode=direct`)
  const endDate = args.get('end') ?? localDate(today.getTime() - 86_400_000, timeZone)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate) || Number.isNaN(Date.parse(endDate))) throw new GenerateUsageError('--end must be YYYY-MM-DD')
  // A realistic center takes some tens of thousands of calls a day; longer histories for bigger N.
  const days = integer(args, 'days', Math.min(LIMITS.days, Math.max(30, Math.ceil(calls / 30_000))), 1, LIMITS.days)
  return {
    tenantId: tenantId.toLowerCase(),
    calls,
    days,
    queues: integer(args, 'queues', 4, 1, LIMITS.queues),
    agents: integer(args, 'agents', 0, 1, LIMITS.agents),
    seed: args.get('seed') ?? '1',
    mode,
    timeZone,
    endDate,
    maxSeconds: integer(args, 'max-seconds', 3600, 1, LIMITS.maxSeconds),
  }
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
