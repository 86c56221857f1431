/**
 * Real-time call recording: every subscribed remote audio track is read as 16 kHz mono, each
 * through a small jitter buffer, and mixed on a wall-clock tick into a WAV file streamed to disk
 * (header written at the end). While paused the tick writes zeros, so the timeline stays aligned
 * and the paused span holds no audio.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import type { AudioFrame, AudioStream } from '@livekit/rtc-node'
import { clip16 } from '#voice/bot/pcm'
import { pcmBytes, wavHeader, WAV_HEADER_BYTES } from '#voice/bot/wav'

/** What a finished recording is: its length, size on disk and fingerprint. */
export interface RecordingResult {
  file: string
  durationMs: number
  bytes: number
  sha256: string
}

const TICK_MS = 20
/** Audio a source must have buffered before it is mixed (absorbs network and event-loop jitter). */
const PREROLL_MS = 200
/** Beyond this a source is trimmed back to the pre-roll (clock drift, a stalled tick). */
const MAX_BUFFER_MS = 1000

/** FIFO of one source's samples with pre-roll on start and after every underrun. */
class SourceBuffer {
  readonly #chunks: Int16Array[] = []
  #head = 0
  #available = 0
  #priming = true
  readonly #preroll: number
  readonly #max: number

  constructor(
    readonly reader: ReadableStreamDefaultReader<AudioFrame>,
    rate: number
  ) {
    this.#preroll = (rate * PREROLL_MS) / 1000
    this.#max = (rate * MAX_BUFFER_MS) / 1000
  }

  push(samples: Int16Array) {
    this.#chunks.push(samples)
    this.#available += samples.length
    if (this.#available > this.#max) this.#skip(this.#available - this.#preroll)
  }

  /** Adds up to `count` samples onto `mix`; nothing while priming. */
  mixInto(mix: Int32Array, count: number) {
    if (this.#priming) {
      if (this.#available < this.#preroll) return
      this.#priming = false
    }
    let written = 0
    while (written < count && this.#chunks.length > 0) {
      const chunk = this.#chunks[0]
      const take = Math.min(count - written, chunk.length - this.#head)
      for (let i = 0; i < take; i++) mix[written + i] += chunk[this.#head + i]
      written += take
      this.#consume(take)
    }
    if (written < count) this.#priming = true
  }

  #skip(count: number) {
    while (count > 0 && this.#chunks.length > 0) {
      const take = Math.min(count, this.#chunks[0].length - this.#head)
      this.#consume(take)
      count -= take
    }
  }

  #consume(count: number) {
    this.#head += count
    this.#available -= count
    if (this.#head >= this.#chunks[0].length) {
      this.#chunks.shift()
      this.#head = 0
    }
  }
}

/** One recording in progress: sources come and go, pause/resume, stop returns the result. */
export class Recorder {
  readonly #file: string
  readonly #rate: number
  readonly #sources = new Map<string, SourceBuffer>()
  readonly #opened: Promise<FileHandle>
  #writes: Promise<unknown>
  #error: unknown = null
  #startedAt = performance.now()
  #written = 0
  #paused = false
  #timer: NodeJS.Timeout | null
  #stopping: Promise<RecordingResult> | null = null

  constructor(file: string, rate: number) {
    this.#file = path.resolve(file)
    this.#rate = rate
    this.#opened = mkdir(path.dirname(this.#file), { recursive: true }).then(() => open(this.#file, 'w'))
    // The header is rewritten with the real sizes at stop; this one keeps an unfinished file readable.
    this.#writes = this.#opened.then((fh) => fh.write(wavHeader(0, rate, 1), 0, WAV_HEADER_BYTES, 0)).catch((error) => (this.#error = error))
    this.#timer = setInterval(() => this.#tick(), TICK_MS)
  }

  get paused(): boolean {
    return this.#paused
  }

  /** Milliseconds of timeline written so far. */
  get positionMs(): number {
    return (this.#written * 1000) / this.#rate
  }

  /** Starts mixing one remote audio stream (already opened at the recorder's rate, mono). */
  addSource(id: string, stream: AudioStream) {
    if (this.#sources.has(id) || this.#stopping) return
    const source = new SourceBuffer(stream.getReader(), this.#rate)
    this.#sources.set(id, source)
    void this.#read(id, source)
  }

  /** Stops mixing a stream (its track went away). */
  removeSource(id: string) {
    const source = this.#sources.get(id)
    if (!source) return
    this.#sources.delete(id)
    void source.reader.cancel().catch(() => {})
  }

  pause() {
    this.#tick()
    this.#paused = true
  }

  resume() {
    this.#tick()
    this.#paused = false
  }

  /** Writes the remaining audio and the final header; resolves with the file's size and hash. */
  stop(): Promise<RecordingResult> {
    this.#stopping ??= this.#finish()
    return this.#stopping
  }

  async #read(id: string, source: SourceBuffer) {
    try {
      for (;;) {
        const { value, done } = await source.reader.read()
        if (done) break
        if (value.sampleRate !== this.#rate || value.channels !== 1) continue
        source.push(value.data)
      }
    } catch {
      // The stream errors when the track is torn down; the source just ends.
    }
    if (this.#sources.get(id) === source) this.#sources.delete(id)
  }

  /** Writes every sample the wall clock says is due: the mix, or zeros while paused. */
  #tick() {
    if (this.#stopping && this.#timer === null) return
    const due = Math.floor(((performance.now() - this.#startedAt) * this.#rate) / 1000) - this.#written
    if (due <= 0) return
    const mix = new Int32Array(due)
    for (const source of this.#sources.values()) source.mixInto(mix, due)
    const out = new Int16Array(due)
    if (!this.#paused) for (let i = 0; i < due; i++) out[i] = clip16(mix[i])
    this.#written += due
    const bytes = pcmBytes(out)
    const position = WAV_HEADER_BYTES + (this.#written - due) * 2
    this.#writes = this.#writes.then(async () => (await this.#opened).write(bytes, 0, bytes.length, position)).catch((error) => (this.#error ??= error))
  }

  async #finish(): Promise<RecordingResult> {
    this.#tick()
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
    for (const id of [...this.#sources.keys()]) this.removeSource(id)
    await this.#writes
    const fh = await this.#opened
    try {
      if (this.#error) throw this.#error
      const dataBytes = this.#written * 2
      await fh.write(wavHeader(dataBytes, this.#rate, 1), 0, WAV_HEADER_BYTES, 0)
      await fh.sync()
    } finally {
      await fh.close()
    }
    const hash = createHash('sha256')
    for await (const chunk of createReadStream(this.#file)) hash.update(chunk as Buffer)
    return {
      file: this.#file,
      durationMs: Math.round((this.#written * 1000) / this.#rate),
      bytes: WAV_HEADER_BYTES + this.#written * 2,
      sha256: hash.digest('hex'),
    }
  }
}
