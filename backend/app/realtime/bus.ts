/** One delta on a channel as it travels between processes: the event part of the wire message, as JSON. */
export interface BusMessage {
  channel: string
  seq: number
  event: string
}

/** What a gateway hears from the bus: every message, and a notice when messages may have been lost. */
export interface BusListener {
  message: (message: BusMessage) => void
  /** The bus lost its connection and is back: deltas in between may be gone, so subscribers need a fresh snapshot. */
  resync: () => void
}

/**
 * The port the realtime gateway fans out through. A message gets the channel's next sequence number
 * when it is published (numbers are global per channel across every process on the bus) and is
 * delivered to every process's listener, the publisher's included.
 */
export abstract class RealtimeBus {
  abstract readonly kind: 'in-process' | 'redis'

  /** Numbers the message on its channel and delivers it everywhere; resolves with its sequence number. */
  abstract publish(channel: string, event: string): Promise<number>

  /** The same message on many channels (a team's user channels), each numbered on its own. */
  async publishMany(channels: readonly string[], event: string): Promise<number[]> {
    return Promise.all(channels.map((channel) => this.publish(channel, event)))
  }

  /** The channel's last sequence number (0 before its first message). */
  abstract current(channel: string): Promise<number>

  /** Starts delivering to the listener; resolves once messages flow. */
  abstract subscribe(listener: BusListener): Promise<void>

  /** Stops delivering and releases connections. */
  abstract close(): Promise<void>
}

/** One process on its own: sequence numbers live in memory and delivery is a function call. */
export class InProcessBus extends RealtimeBus {
  readonly kind = 'in-process'
  readonly #sequence = new Map<string, number>()
  #listener: BusListener | null = null

  async publish(channel: string, event: string) {
    const seq = (this.#sequence.get(channel) ?? 0) + 1
    this.#sequence.set(channel, seq)
    this.#listener?.message({ channel, seq, event })
    return seq
  }

  async current(channel: string) {
    return this.#sequence.get(channel) ?? 0
  }

  async subscribe(listener: BusListener) {
    this.#listener = listener
  }

  async close() {
    this.#listener = null
  }
}
