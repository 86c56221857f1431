/**
 * RIFF/WAVE PCM 16-bit reading and writing: the only audio file format prompts, music and
 * recordings use. No dependency; the parser names the reason when it refuses a file.
 */

/** A decoded PCM 16-bit clip; `samples` are interleaved when there are two channels. */
export interface WavAudio {
  sampleRate: number
  channels: number
  bitsPerSample: number
  samples: Int16Array
  durationMs: number
}

/** Thrown by parseWav with a human reason (shown to whoever uploaded the file). */
export class WavFormatError extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'WavFormatError'
  }
}

/** Size of the canonical header encodeWav writes (RIFF + fmt + data chunk headers). */
export const WAV_HEADER_BYTES = 44

const MIN_RATE = 8000
const MAX_RATE = 48000
const FORMAT_PCM = 1
const FORMAT_EXTENSIBLE = 0xfffe

/** Decodes a RIFF/WAVE PCM 16-bit file, 8-48 kHz, mono or stereo; throws WavFormatError otherwise. */
export function parseWav(buffer: Buffer): WavAudio {
  if (buffer.length < 12) throw new WavFormatError('The file is too short to be a WAV file.')
  if (buffer.toString('ascii', 0, 4) !== 'RIFF' || buffer.toString('ascii', 8, 12) !== 'WAVE') {
    throw new WavFormatError('The file is not a WAV file (RIFF/WAVE header missing).')
  }
  let fmt: { format: number; channels: number; sampleRate: number; blockAlign: number; bits: number } | null = null
  let data: Buffer | null = null
  let offset = 12
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString('ascii', offset, offset + 4)
    const size = buffer.readUInt32LE(offset + 4)
    const body = offset + 8
    // A streamed recording may carry a data size larger than the file; take what is there.
    const end = Math.min(body + size, buffer.length)
    if (id === 'fmt ') {
      if (end - body < 16) throw new WavFormatError('The WAV format chunk is truncated.')
      fmt = {
        format: buffer.readUInt16LE(body),
        channels: buffer.readUInt16LE(body + 2),
        sampleRate: buffer.readUInt32LE(body + 4),
        blockAlign: buffer.readUInt16LE(body + 12),
        bits: buffer.readUInt16LE(body + 14),
      }
      if (fmt.format === FORMAT_EXTENSIBLE && end - body >= 26) fmt.format = buffer.readUInt16LE(body + 24)
    } else if (id === 'data') {
      data = buffer.subarray(body, end)
      if (fmt) break
    }
    offset = body + size + (size % 2)
  }
  if (!fmt) throw new WavFormatError('The WAV file has no format chunk.')
  if (fmt.format !== FORMAT_PCM) throw new WavFormatError(`The WAV file is compressed (format ${fmt.format}); only uncompressed PCM is accepted.`)
  if (fmt.bits !== 16) throw new WavFormatError(`The WAV file uses ${fmt.bits}-bit samples; only 16-bit PCM is accepted.`)
  if (fmt.channels < 1 || fmt.channels > 2) throw new WavFormatError(`The WAV file has ${fmt.channels} channels; only mono or stereo is accepted.`)
  if (fmt.sampleRate < MIN_RATE || fmt.sampleRate > MAX_RATE) {
    throw new WavFormatError(`The WAV sample rate is ${fmt.sampleRate} Hz; it must be between 8000 and 48000 Hz.`)
  }
  if (fmt.blockAlign !== fmt.channels * 2) throw new WavFormatError('The WAV block alignment does not match 16-bit PCM.')
  if (!data) throw new WavFormatError('The WAV file has no audio data.')
  const frames = Math.floor(data.length / fmt.blockAlign)
  const samples = new Int16Array(frames * fmt.channels)
  for (let i = 0; i < samples.length; i++) samples[i] = data.readInt16LE(i * 2)
  return {
    sampleRate: fmt.sampleRate,
    channels: fmt.channels,
    bitsPerSample: 16,
    samples,
    durationMs: Math.round((frames * 1000) / fmt.sampleRate),
  }
}

/** The 44-byte canonical header for `dataBytes` bytes of PCM 16-bit audio. */
export function wavHeader(dataBytes: number, sampleRate: number, channels: number): Buffer {
  const header = Buffer.alloc(WAV_HEADER_BYTES)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + dataBytes, 4)
  header.write('WAVE', 8, 'ascii')
  header.write('fmt ', 12, 'ascii')
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(FORMAT_PCM, 20)
  header.writeUInt16LE(channels, 22)
  header.writeUInt32LE(sampleRate, 24)
  header.writeUInt32LE(sampleRate * channels * 2, 28)
  header.writeUInt16LE(channels * 2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(dataBytes, 40)
  return header
}

/** Little-endian bytes of interleaved PCM 16-bit samples. */
export function pcmBytes(samples: Int16Array): Buffer {
  const out = Buffer.alloc(samples.length * 2)
  for (let i = 0; i < samples.length; i++) out.writeInt16LE(samples[i], i * 2)
  return out
}

/** Encodes interleaved PCM 16-bit samples as a canonical WAV file. */
export function encodeWav(samples: Int16Array, sampleRate: number, channels: number): Buffer {
  if (channels !== 1 && channels !== 2) throw new RangeError('channels must be 1 or 2')
  if (samples.length % channels !== 0) throw new RangeError('sample count is not a multiple of channels')
  return Buffer.concat([wavHeader(samples.length * 2, sampleRate, channels), pcmBytes(samples)])
}
