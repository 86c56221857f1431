/**
 * Drives a real contact centre for the pipeline tests: web callers on LiveKit (rtc-node clients
 * that join and leave their call rooms), agents through the backend's HTTP API, and a stopwatch
 * that brackets every moment the backend stamps. An event's time is its transaction's start
 * (`domain_events.occurred_at default now()`), which lies inside the request that made it, so every
 * duration the analytics compute lies between the brackets this file records.
 */
import { Room } from '@livekit/rtc-node'
import { asAdmin, makeUser, type makeTenant } from '#tests/helpers'
import { acdSweeper } from '#contact_center/acd_sweeper'

type Org = Awaited<ReturnType<typeof makeTenant>>
type Agent = Awaited<ReturnType<typeof makeUser>>

/** A wall-clock window (epoch ms) that holds the moment something happened in the backend. */
export interface Stamp {
  before: number
  after: number
}

/** Seconds between two stamped moments, at least and at most. */
export interface Bounds {
  min: number
  max: number
}

/** Slack for events committed by work this test does not drive (the media bot): its transaction may start a little before a poll misses it. */
const FOREIGN_TX_SLACK_MS = 500
/** Clock rounding: PostgreSQL's microseconds and ClickHouse's milliseconds against Date.now(). */
const ROUNDING_MS = 5

/** The seconds from `a` to `b`. */
export function between(a: Stamp, b: Stamp): Bounds {
  return { min: (b.before - a.after - ROUNDING_MS) / 1000, max: (b.after - a.before + ROUNDING_MS) / 1000 }
}

/** Sums of bounds. */
export function sum(...parts: Bounds[]): Bounds {
  return parts.reduce((total, p) => ({ min: total.min + p.min, max: total.max + p.max }), { min: 0, max: 0 })
}

/** Bounds divided by a count. */
export function per(bounds: Bounds, n: number): Bounds {
  return { min: bounds.min / n, max: bounds.max / n }
}

/** Runs `work` and stamps it. */
export async function stamped<T>(work: () => Promise<T>): Promise<[T, Stamp]> {
  const before = Date.now()
  const result = await work()
  return [result, { before, after: Date.now() }]
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Rejects when `promise` takes longer than `ms`. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)))
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Polls `probe` until it returns a value, for at most `ms`. The stamp brackets the moment the
 * value appeared: after the start of the last poll that missed it (less the slack of a transaction
 * this test did not drive), before the end of the poll that found it.
 */
export async function appeared<T>(ms: number, what: string, probe: () => Promise<T | null | undefined>, slackMs = FOREIGN_TX_SLACK_MS): Promise<[T, Stamp]> {
  const deadline = Date.now() + ms
  let lastMiss = Date.now()
  for (;;) {
    const before = Date.now()
    const value = await probe()
    if (value !== null && value !== undefined) return [value, { before: lastMiss - slackMs, after: Date.now() }]
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms: ${what}`)
    lastMiss = before
    await sleep(60)
  }
}

/** An agent's state changes as this test caused or saw them, each stamped. */
export type Timeline = Array<{ state: string; at: Stamp }>

/** Seconds an agent spent in the given states, from its timeline (the last state is still open). */
export function timeIn(timeline: Timeline, states: readonly string[]): Bounds {
  const spans: Bounds[] = []
  for (let i = 0; i + 1 < timeline.length; i++) {
    if (states.includes(timeline[i].state)) spans.push(between(timeline[i].at, timeline[i + 1].at))
  }
  return sum(...spans)
}

/** The bounds of handling ÷ (handling + other), with both sums uncertain. */
export function ratioBounds(handling: Bounds, other: Bounds): Bounds {
  return { min: handling.min / (handling.min + other.max), max: handling.max / (handling.max + other.min) }
}

/** A visitor on the web widget: asks for a call over HTTP, then joins the call room with rtc-node. */
export class WebCaller {
  readonly room = new Room()
  callId = ''

  constructor(private readonly client: any) {}

  async call(widgetKey: string, phone: string) {
    const response = await this.client.post(`/api/v1/public/web-calls/${widgetKey}`).json({ name: 'Visitor', phone, language: 'en' })
    if (response.status() !== 201) throw new Error(`web call refused: ${response.status()} ${response.text()}`)
    const { callId, join } = response.body().data
    this.callId = callId
    await within(15000, 'the caller joins the room', this.room.connect(join.url, join.token, { autoSubscribe: false, dynacast: false }))
    return callId as string
  }

  /** The caller hangs up (leaves the room); the bot sees it and ends the call. */
  async hangUp() {
    await this.room.disconnect()
  }
}

/** One organisation's contact centre, driven over the HTTP API. */
export class CallDesk {
  readonly timelines = new Map<string, Timeline>()
  readonly callers: WebCaller[] = []
  readonly agentRooms: Room[] = []

  constructor(
    private readonly client: any,
    readonly org: Org
  ) {}

  async agent(): Promise<Agent> {
    const agent = await makeUser(this.org, ['agent'])
    this.timelines.set(agent.user.id, [])
    return agent
  }

  /** Records a state change of an agent at a stamped moment. */
  saw(agent: Agent, state: string, at: Stamp) {
    this.timelines.get(agent.user.id)!.push({ state, at })
  }

  async queue(body: Record<string, unknown>, members: Agent[]) {
    const queue = await this.#ok(this.client.post('/api/v1/queues').header('authorization', this.org.auth).json(body))
    await this.#ok(this.client.put(`/api/v1/queues/${queue.id}/members`).header('authorization', this.org.auth).json({ userIds: members.map((m) => m.user.id) }))
    return queue.id as string
  }

  /** A web-call entry point straight into a queue; its widget key. */
  async widget(queueId: string) {
    const entry = await this.#ok(
      this.client.post('/api/v1/entry-points').header('authorization', this.org.auth).json({ kind: 'web', name: `Web ${queueId.slice(-4)}`, allowedOrigins: ['https://shop.example'], target: { type: 'queue', queueId } })
    )
    return entry.widgetKey as string
  }

  /** A visitor calls; resolves once they are in the room. */
  async webCall(widgetKey: string, phone: string) {
    const caller = new WebCaller(this.client)
    this.callers.push(caller)
    await caller.call(widgetKey, phone)
    return caller
  }

  /** The agent chooses a state (ready, not_ready, offline). */
  async setState(agent: Agent, state: 'ready' | 'not_ready' | 'offline') {
    const [, at] = await stamped(() => this.#ok(this.client.post('/api/v1/agent/state').header('authorization', agent.auth).json({ state })))
    this.saw(agent, state, at)
    return at
  }

  /** Waits for the call to ring the agent; the stamp brackets when the offer (and the agent's reservation) was made. */
  async offerTo(agent: Agent, callId: string, timeoutMs = 30000) {
    const [offer, at] = await appeared(timeoutMs, `an offer of ${callId} to ${agent.user.email}`, async () => {
      const me = await this.#ok(this.client.get('/api/v1/agent').header('authorization', agent.auth))
      return me.offer?.callId === callId ? (me.offer as { id: string }) : null
    })
    return { offerId: offer.id, at }
  }

  async accept(agent: Agent, offerId: string) {
    const [, at] = await stamped(() => this.#ok(this.client.post(`/api/v1/agent/offers/${offerId}/accept`).header('authorization', agent.auth)))
    this.saw(agent, 'busy', at)
    return at
  }

  /** The agent's browser joins the call's audio (as the workspace does after answering). */
  async joinMedia(agent: Agent, callId: string) {
    const grant = await this.#ok(this.client.post(`/api/v1/agent/calls/${callId}/media`).header('authorization', agent.auth))
    const room = new Room()
    this.agentRooms.push(room)
    await within(15000, 'the agent joins the call audio', room.connect(grant.url, grant.token, { autoSubscribe: false, dynacast: false }))
  }

  /** A call verb of the agent (hold, retrieve, hangup, transfer); hang-up and transfer put them in wrap-up. */
  async verb(agent: Agent, callId: string, verb: 'hold' | 'retrieve' | 'hangup' | 'transfer', body?: Record<string, unknown>) {
    const [, at] = await stamped(() => this.#ok(this.client.post(`/api/v1/agent/calls/${callId}/${verb}`).header('authorization', agent.auth).json(body ?? {})))
    if (verb === 'hangup' || verb === 'transfer') this.saw(agent, 'wrap_up', at)
    return at
  }

  /** The call's status as the system of record has it. */
  async status(callId: string): Promise<string> {
    const row = await asAdmin(this.org, (scope) => scope.trx.from('calls').where('id', callId).select('status').first())
    return row.status
  }

  /** Waits until the call has the status; the stamp brackets when it got it. */
  async reached(callId: string, status: string, timeoutMs = 30000) {
    const [, at] = await appeared(timeoutMs, `call ${callId} ${status}`, async () => ((await this.status(callId)) === status ? true : null))
    return at
  }

  /** One pass of the ACD sweeper (what the web server runs every second): RONA, wrap-ups, routing. */
  async sweep() {
    const [, at] = await stamped(() => acdSweeper.sweep())
    return at
  }

  /** Every caller leaves (teardown). */
  async close() {
    for (const room of [...this.callers.map((c) => c.room), ...this.agentRooms]) await room.disconnect().catch(() => undefined)
  }

  async #ok(request: any) {
    const response = await request
    if (response.status() >= 300) throw new Error(`${response.request?.method ?? ''} ${response.request?.url ?? ''} answered ${response.status()}: ${response.text()}`)
    return response.body().data
  }
}
