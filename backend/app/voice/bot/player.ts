/**
 * The bot's one outgoing audio stream. A pump feeds the native audio source 20 ms frames without
 * pause (silence when nothing plays, so a SIP gateway sees published audio at once); the source's
 * small queue paces the pump in real time. play/loop replace what is playing immediately.
 */
import { AudioFrame, type AudioSource } from '@livekit/rtc-node'
import type { Prompt } from '#voice/bot/prompts'

/** How a play() ended: played to the end, cut by a caller's digit, or replaced/stopped. */
export type PlayOutcome = 'done' | 'interrupted' | 'stopped'

/** Options of one play() call. */
export interface PlayOptions {
  /** A DTMF digit from the room ends the playback with 'interrupted'. */
  interruptOnDtmf?: boolean
}

interface Program {
  clips: Int16Array[]
  clip: number
  offset: number
  loop: boolean
  interruptOnDtmf: boolean
  settle: (outcome: PlayOutcome) => void
}

const FRAME_MS = 20

/** Feeds one AudioSource with prompts, music loops or silence. */
export class Player {
  readonly #source: AudioSource
  readonly #frameSamples: number
  #program: Program | null = null
  #closed = false
  #pump: Promise<void> | null = null
  readonly #doneTimers = new Set<NodeJS.Timeout>()

  constructor(source: AudioSource) {
    this.#source = source
    this.#frameSamples = (source.sampleRate * FRAME_MS) / 1000
  }

  /** Starts the pump; it runs until close(). */
  start(): void {
    this.#pump ??= this.#run()
  }

  /** Plays the clips in order, replacing anything playing. */
  play(prompts: Prompt[], options: PlayOptions = {}): Promise<PlayOutcome> {
    return new Promise((resolve) => {
      if (this.#closed) return resolve('stopped')
      this.#replace({ clips: prompts.map((p) => p.samples), clip: 0, offset: 0, loop: false, interruptOnDtmf: options.interruptOnDtmf ?? false, settle: resolve })
    })
  }

  /** Repeats one clip until stop() or the next play()/loop(). */
  loop(music: Prompt): void {
    if (this.#closed || music.samples.length === 0) return this.stop()
    this.#replace({ clips: [music.samples], clip: 0, offset: 0, loop: true, interruptOnDtmf: false, settle: () => {} })
  }

  /** Silence from now on; a pending play() resolves 'stopped'. */
  stop(): void {
    this.#end('stopped')
  }

  /** A digit arrived: ends the current playback if it asked to be interruptible. */
  interrupt(): boolean {
    if (!this.#program?.interruptOnDtmf) return false
    this.#end('interrupted')
    return true
  }

  /** Whether something (prompt or loop) is playing now. */
  get playing(): boolean {
    return this.#program !== null
  }

  /** Stops the pump; the caller closes the source afterwards. */
  async close(): Promise<void> {
    this.stop()
    this.#closed = true
    for (const timer of this.#doneTimers) clearTimeout(timer)
    this.#doneTimers.clear()
    // The pump ends within one frame; the bound only guards against a native call that never returns.
    let timer: NodeJS.Timeout | undefined
    await Promise.race([this.#pump, new Promise((resolve) => (timer = setTimeout(resolve, 1000)))])
    clearTimeout(timer)
  }

  #replace(program: Program) {
    this.#end('stopped')
    this.#program = program
  }

  /** Ends the current program and drops the audio already queued so the change is heard at once. */
  #end(outcome: PlayOutcome) {
    const program = this.#program
    if (!program) return
    this.#program = null
    if (!this.#closed) this.#source.clearQueue()
    program.settle(outcome)
  }

  async #run() {
    while (!this.#closed) {
      const frame = this.#nextFrame()
      try {
        await this.#source.captureFrame(frame)
      } catch {
        // The source closes under us when the bot leaves or the room drops.
        return
      }
    }
  }

  #nextFrame(): AudioFrame {
    const frame = AudioFrame.create(this.#source.sampleRate, 1, this.#frameSamples)
    const program = this.#program
    if (!program) return frame
    let filled = 0
    while (filled < this.#frameSamples) {
      const clip = program.clips[program.clip]
      if (!clip) {
        if (program.loop && program.clips.length > 0 && program.clips.some((c) => c.length > 0)) {
          program.clip = 0
          program.offset = 0
          continue
        }
        this.#finish(program)
        break
      }
      const take = Math.min(this.#frameSamples - filled, clip.length - program.offset)
      frame.data.set(clip.subarray(program.offset, program.offset + take), filled)
      filled += take
      program.offset += take
      if (program.offset >= clip.length) {
        program.clip++
        program.offset = 0
      }
    }
    return frame
  }

  /** The last sample is queued: report 'done' once the queue has played out. */
  #finish(program: Program) {
    this.#program = null
    const timer = setTimeout(() => {
      this.#doneTimers.delete(timer)
      program.settle('done')
    }, this.#source.queuedDuration + FRAME_MS)
    this.#doneTimers.add(timer)
  }
}
