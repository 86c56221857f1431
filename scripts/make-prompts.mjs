/**
 * Offline generator of the built-in voice prompts in backend/resources/prompts: spoken phrases in
 * English and Mandarin with espeak-ng (`apt-get install espeak-ng`), and two synthesized music
 * loops plus a beep. Everything is written as 16 kHz mono 16-bit PCM WAV. The files are committed;
 * CI never runs this script. Usage: `node scripts/make-prompts.mjs`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'

const ROOT = path.resolve(import.meta.dirname, '..')
const OUT = path.join(ROOT, 'backend', 'resources', 'prompts')
const RATE = 16000

const ZH_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十']
const EN_NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty']

/** Phrase texts; an empty text is a short pause (the slot exists in every language). */
const PHRASES = {
  en: {
    greeting: 'Thank you for calling. This call may be recorded.',
    menu: 'For sales, press 1. For support, press 2.',
    invalid: 'Sorry, that is not a valid choice.',
    queue: 'All our agents are busy. Please stay on the line.',
    position_intro: 'You are caller number',
    position_outro: '',
    wait_intro: 'Your estimated wait is about',
    minute: 'minute.',
    minutes: 'minutes.',
    less_than_minute: 'Your estimated wait is less than one minute.',
    hold: 'Please hold.',
    goodbye: 'Thank you for calling. Goodbye.',
    voicemail: 'Please leave a message after the tone.',
    ...Object.fromEntries(EN_NUMBERS.map((word, i) => [`n${i + 1}`, word])),
  },
  'zh-CN': {
    greeting: '感谢您的来电。本次通话可能会被录音。',
    menu: '销售请按一。技术支持请按二。',
    invalid: '抱歉，您的选择无效。',
    queue: '我们的坐席目前都在忙，请不要挂机。',
    position_intro: '您目前排在第',
    position_outro: '位。',
    wait_intro: '预计等待时间约为',
    minute: '分钟。',
    minutes: '分钟。',
    less_than_minute: '预计等待时间不到一分钟。',
    hold: '请稍候。',
    goodbye: '感谢您的来电，再见。',
    voicemail: '请在提示音后留言。',
    ...Object.fromEntries(ZH_NUMBERS.map((word, i) => [`n${i + 1}`, word])),
  },
}
const VOICES = { en: { voice: 'en-us', speed: 160 }, 'zh-CN': { voice: 'cmn', speed: 185 } }

/** Interleaved-free mono Float32 [-1, 1] -> 16-bit PCM WAV bytes. */
function wavBytes(floats) {
  const data = Buffer.alloc(floats.length * 2)
  for (let i = 0; i < floats.length; i++) data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, floats[i])) * 32767), i * 2)
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + data.length, 4)
  header.write('WAVEfmt ', 8, 'ascii')
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20)
  header.writeUInt16LE(1, 22)
  header.writeUInt32LE(RATE, 24)
  header.writeUInt32LE(RATE * 2, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(data.length, 40)
  return Buffer.concat([header, data])
}

/** Mono 16-bit WAV (espeak-ng's output) -> { rate, floats }. */
function readWav(buffer) {
  let offset = 12
  let rate = 0
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString('ascii', offset, offset + 4)
    const size = buffer.readUInt32LE(offset + 4)
    if (id === 'fmt ') rate = buffer.readUInt32LE(offset + 12)
    if (id === 'data') {
      const end = Math.min(offset + 8 + size, buffer.length)
      const floats = new Float32Array(Math.floor((end - offset - 8) / 2))
      for (let i = 0; i < floats.length; i++) floats[i] = buffer.readInt16LE(offset + 8 + i * 2) / 32768
      return { rate, floats }
    }
    offset += 8 + size + (size % 2)
  }
  throw new Error('no data chunk')
}

/** Windowed-sinc resampling (low-passed below the new Nyquist, so no aliasing). */
function resample(floats, from, to) {
  if (from === to) return floats
  const ratio = to / from
  const cutoff = Math.min(1, ratio) * 0.95
  const half = 16
  const out = new Float32Array(Math.round(floats.length * ratio))
  for (let i = 0; i < out.length; i++) {
    const center = i / ratio
    let sum = 0
    for (let k = Math.floor(center) - half; k <= Math.floor(center) + half; k++) {
      if (k < 0 || k >= floats.length) continue
      const x = center - k
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * cutoff * x) / (Math.PI * cutoff * x)
      const window = 0.5 + 0.5 * Math.cos((Math.PI * x) / (half + 1))
      sum += floats[k] * cutoff * sinc * window
    }
    out[i] = sum
  }
  return out
}

/** Cuts leading/trailing silence, keeps a short pad, scales the peak to -3 dBFS. */
function tidy(floats, padMs = 60) {
  const threshold = 0.01
  let start = floats.findIndex((v) => Math.abs(v) > threshold)
  if (start < 0) return new Float32Array(Math.round((RATE * 250) / 1000))
  let end = floats.length - 1
  while (end > start && Math.abs(floats[end]) <= threshold) end--
  const pad = Math.round((RATE * padMs) / 1000)
  start = Math.max(0, start - pad)
  end = Math.min(floats.length, end + pad)
  const clip = floats.slice(start, end)
  const peak = clip.reduce((m, v) => Math.max(m, Math.abs(v)), 0)
  const gain = 0.7 / peak
  for (let i = 0; i < clip.length; i++) clip[i] *= gain
  return clip
}

function speak(text, { voice, speed }) {
  if (!text) return new Float32Array(Math.round(RATE * 0.25))
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-')), 'out.wav')
  const run = spawnSync('espeak-ng', ['-v', voice, '-s', String(speed), '-w', file, text], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`espeak-ng failed (${run.stderr || run.error}); install it with: apt-get install -y espeak-ng`)
  const { rate, floats } = readWav(fs.readFileSync(file))
  fs.rmSync(path.dirname(file), { recursive: true, force: true })
  return tidy(resample(floats, rate, RATE))
}

const NOTE = (name) => {
  const names = { C: -9, D: -7, E: -5, F: -4, G: -2, A: 0, B: 2 }
  const [, letter, accidental, octave] = /^([A-G])(b|#)?(\d)$/.exec(name)
  const semis = names[letter] + (accidental === '#' ? 1 : accidental === 'b' ? -1 : 0) + (Number(octave) - 4) * 12
  return 440 * 2 ** (semis / 12)
}

/** A soft electric-piano-like tone: a few decaying harmonics under an attack/release envelope. */
function addTone(buffer, at, duration, freq, gain) {
  const start = Math.round(at * RATE)
  const length = Math.round((duration + 1.2) * RATE)
  for (let i = 0; i < length; i++) {
    const t = i / RATE
    const attack = Math.min(1, t / 0.04)
    const release = t > duration ? Math.exp(-(t - duration) * 5) : 1
    const body = Math.exp(-t * 0.9)
    const v = Math.sin(2 * Math.PI * freq * t) + 0.25 * Math.exp(-t * 3) * Math.sin(4 * Math.PI * freq * t) + 0.08 * Math.exp(-t * 6) * Math.sin(6 * Math.PI * freq * t)
    const index = (start + i) % buffer.length // wrap the tail into the start: a seamless loop
    buffer[index] += v * attack * release * body * gain
  }
}

/** A chord progression with a gentle arpeggio, rendered as a seamless loop. */
function music({ chords, beat, arpeggio, bass = true }) {
  const barSeconds = beat * 4
  const buffer = new Float32Array(Math.round(chords.length * barSeconds * RATE))
  chords.forEach((chord, bar) => {
    const at = bar * barSeconds
    for (const note of chord) addTone(buffer, at, barSeconds * 0.9, NOTE(note), 0.09)
    if (bass) addTone(buffer, at, barSeconds * 0.9, NOTE(chord[0]) / 2, 0.12)
    arpeggio.forEach((step, i) => {
      if (step === null) return
      const note = chord[step % chord.length]
      const freq = NOTE(note) * (step >= chord.length ? 2 : 1) * 2
      addTone(buffer, at + i * (beat / 2), beat * 0.45, freq, 0.05)
    })
  })
  const peak = buffer.reduce((m, v) => Math.max(m, Math.abs(v)), 0)
  for (let i = 0; i < buffer.length; i++) buffer[i] *= 0.5 / peak
  return buffer
}

function beep() {
  const length = Math.round(RATE * 0.4)
  const out = new Float32Array(length)
  for (let i = 0; i < length; i++) {
    const fade = Math.min(1, i / 160, (length - i) / 160)
    out[i] = 0.5 * fade * Math.sin((2 * Math.PI * 1000 * i) / RATE)
  }
  return out
}

function write(relative, floats) {
  const file = path.join(OUT, relative)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, wavBytes(floats))
  return fs.statSync(file).size
}

let total = 0
for (const [language, phrases] of Object.entries(PHRASES)) {
  for (const [name, text] of Object.entries(phrases)) total += write(`${language}/${name}.wav`, speak(text, VOICES[language]))
}
total += write('music/queue_music.wav', music({
  chords: [['C4', 'E4', 'G4'], ['A3', 'C4', 'E4'], ['F3', 'A3', 'C4'], ['G3', 'B3', 'D4']],
  beat: 0.75,
  arpeggio: [0, 1, 2, 3, 2, 1, null, 1],
}))
total += write('music/hold_music.wav', music({
  chords: [['F3', 'A3', 'C4', 'E4'], ['D3', 'F3', 'A3', 'C4'], ['Bb3', 'D4', 'F4'], ['C4', 'E4', 'G4']],
  beat: 0.85,
  arpeggio: [2, null, 1, 3, null, 2, 0, null],
}))
total += write('music/beep.wav', beep())
console.log(`Wrote prompts to ${path.relative(ROOT, OUT)}: ${(total / 1024).toFixed(0)} KiB in total`)
