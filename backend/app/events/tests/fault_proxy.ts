import net from 'node:net'

/**
 * A TCP proxy in front of the broker's fault listener (scripts/test.mjs advertises that listener at
 * the proxy's port, so clients talk to the broker only through here). `down()` makes Kafka
 * unreachable; `loseProduceAcks()` lets produce requests reach the broker but drops its answers,
 * whole frames only, so the client cannot know its records were written.
 */
export class FaultProxy {
  /** Produce responses dropped so far. */
  droppedAcks = 0
  #server: net.Server | null = null
  #sockets = new Set<net.Socket>()
  #mode: 'up' | 'lose-acks' = 'up'

  constructor(
    readonly port: number,
    readonly target: { host: string; port: number }
  ) {}

  /** Forwards everything. */
  up() {
    return this.#listen('up')
  }

  /** Forwards requests but drops the broker's answers to produce requests. */
  loseProduceAcks() {
    return this.#listen('lose-acks')
  }

  /** Refuses connections and cuts the open ones: to the client, Kafka is gone. */
  async down() {
    this.#cutAll()
    const server = this.#server
    this.#server = null
    if (server) await new Promise((resolve) => server.close(resolve))
  }

  async #listen(mode: 'up' | 'lose-acks') {
    // Connections of the previous mode may hold answers the client waits for forever: cut them.
    this.#cutAll()
    this.#mode = mode
    if (this.#server) return
    const server = net.createServer((client) => this.#pipe(client))
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.port, '127.0.0.1', resolve))
    this.#server = server
  }

  #cutAll() {
    for (const socket of this.#sockets) socket.destroy()
    this.#sockets.clear()
  }

  #pipe(client: net.Socket) {
    const broker = net.connect(this.target)
    this.#sockets.add(client).add(broker)
    const mode = this.#mode
    const unanswered = new Set<number>()
    const close = () => {
      client.destroy()
      broker.destroy()
    }
    client.on('error', close).on('close', close)
    broker.on('error', close).on('close', close)
    // Request frames: size, api key (0 = Produce), api version, correlation id.
    client.on('data', frames((frame) => {
      if (mode === 'lose-acks' && frame.readInt16BE(4) === 0) unanswered.add(frame.readInt32BE(8))
      broker.write(frame)
    }))
    // Response frames: size, correlation id.
    broker.on('data', frames((frame) => {
      const correlationId = frame.readInt32BE(4)
      if (unanswered.delete(correlationId)) this.droppedAcks += 1
      else client.write(frame)
    }))
  }
}

/** Splits a Kafka byte stream into whole size-prefixed frames. */
function frames(onFrame: (frame: Buffer) => void) {
  let buffered = Buffer.alloc(0)
  return (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk])
    while (buffered.length >= 4 && buffered.length >= 4 + buffered.readInt32BE(0)) {
      const size = 4 + buffered.readInt32BE(0)
      onFrame(buffered.subarray(0, size))
      buffered = buffered.subarray(size)
    }
  }
}
