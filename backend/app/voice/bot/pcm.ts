/**
 * Small PCM helpers for the media bot: downmix, resample, measure. Everything is 16-bit integer
 * PCM; quality matters little at telephone bandwidth, so resampling is linear.
 */

/** Averages interleaved stereo into mono; mono input is returned as is. */
export function downmix(samples: Int16Array, channels: number): Int16Array {
  if (channels === 1) return samples
  const frames = Math.floor(samples.length / channels)
  const out = new Int16Array(frames)
  for (let i = 0; i < frames; i++) {
    let sum = 0
    for (let c = 0; c < channels; c++) sum += samples[i * channels + c]
    out[i] = Math.round(sum / channels)
  }
  return out
}

/** Linear-interpolation resampling of a mono clip. */
export function resample(samples: Int16Array, from: number, to: number): Int16Array {
  if (from === to || samples.length === 0) return samples
  const length = Math.max(1, Math.round((samples.length * to) / from))
  const out = new Int16Array(length)
  const step = from / to
  const last = samples.length - 1
  for (let i = 0; i < length; i++) {
    const pos = i * step
    const left = Math.min(Math.floor(pos), last)
    const right = Math.min(left + 1, last)
    const frac = pos - left
    out[i] = Math.round(samples[left] * (1 - frac) + samples[right] * frac)
  }
  return out
}

/** Interleaved clip at any rate/channel count -> mono at `rate`. */
export function toMono(samples: Int16Array, channels: number, from: number, rate: number): Int16Array {
  return resample(downmix(samples, channels), from, rate)
}

/** Root-mean-square level of a span (0 for an empty span). */
export function rms(samples: Int16Array, start = 0, end = samples.length): number {
  if (end <= start) return 0
  let sum = 0
  for (let i = start; i < end; i++) sum += samples[i] * samples[i]
  return Math.sqrt(sum / (end - start))
}

/** Saturates a mixed value to the 16-bit range. */
export function clip16(value: number): number {
  return value > 32767 ? 32767 : value < -32768 ? -32768 : value
}
