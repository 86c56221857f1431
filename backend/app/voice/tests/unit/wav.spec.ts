import { test } from '@japa/runner'
import { encodeWav, parseWav, WavFormatError, wavHeader } from '#voice/bot/wav'

/** A WAV file with a hand-written fmt chunk, to build files encodeWav would never write. */
function customWav(o: { format?: number; channels?: number; rate?: number; bits?: number; data?: Buffer; extra?: Buffer }) {
  const channels = o.channels ?? 1
  const bits = o.bits ?? 16
  const fmt = Buffer.alloc(16)
  fmt.writeUInt16LE(o.format ?? 1, 0)
  fmt.writeUInt16LE(channels, 2)
  fmt.writeUInt32LE(o.rate ?? 16000, 4)
  fmt.writeUInt32LE(((o.rate ?? 16000) * channels * bits) / 8, 8)
  fmt.writeUInt16LE((channels * bits) / 8, 12)
  fmt.writeUInt16LE(bits, 14)
  const data = o.data ?? Buffer.alloc(8)
  const chunk = (id: string, body: Buffer) => {
    const head = Buffer.alloc(8)
    head.write(id, 0, 'ascii')
    head.writeUInt32LE(body.length, 4)
    return Buffer.concat([head, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)])
  }
  const body = Buffer.concat([Buffer.from('WAVE'), o.extra ?? Buffer.alloc(0), chunk('fmt ', fmt), chunk('data', data)])
  const riff = Buffer.alloc(8)
  riff.write('RIFF', 0, 'ascii')
  riff.writeUInt32LE(body.length, 4)
  return Buffer.concat([riff, body])
}

test.group('WAV files', () => {
  test('what encodeWav writes, parseWav reads back sample for sample', ({ assert }) => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768, 1234, -4321, 42])
    const file = encodeWav(samples, 16000, 2)
    assert.equal(file.length, 44 + 16)
    const wav = parseWav(file)
    assert.deepEqual({ rate: wav.sampleRate, channels: wav.channels, bits: wav.bitsPerSample }, { rate: 16000, channels: 2, bits: 16 })
    assert.deepEqual(Array.from(wav.samples), Array.from(samples))
  })

  test('the duration counts frames, not samples', ({ assert }) => {
    assert.equal(parseWav(encodeWav(new Int16Array(16000), 16000, 1)).durationMs, 1000)
    assert.equal(parseWav(encodeWav(new Int16Array(16000), 8000, 2)).durationMs, 1000)
  })

  test('chunks before fmt (LIST, bext) are skipped', ({ assert }) => {
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc'), Buffer.alloc(1)])
    const wav = parseWav(customWav({ data: Buffer.from([1, 0, 2, 0]), extra: list }))
    assert.deepEqual(Array.from(wav.samples), [1, 2])
  })

  test('a data chunk announced longer than the file is read up to the end', ({ assert }) => {
    const file = Buffer.concat([wavHeader(1_000_000, 16000, 1), Buffer.from([5, 0, 6, 0])])
    assert.deepEqual(Array.from(parseWav(file).samples), [5, 6])
  })

  test('everything that is not PCM 16-bit 8-48 kHz mono/stereo is refused with a reason', ({ assert }) => {
    const cases: Array<[Buffer, RegExp]> = [
      [Buffer.from('RIFF'), /too short/],
      [Buffer.from('ID3\u0003 this is an mp3 file really'), /not a WAV/],
      [customWav({ format: 3, bits: 32 }), /compressed/],
      [customWav({ format: 6, bits: 8 }), /compressed/],
      [customWav({ bits: 8 }), /8-bit/],
      [customWav({ bits: 24 }), /24-bit/],
      [customWav({ channels: 6 }), /6 channels/],
      [customWav({ rate: 96000 }), /96000 Hz/],
      [customWav({ rate: 4000 }), /4000 Hz/],
    ]
    for (const [file, reason] of cases) {
      assert.throws(() => parseWav(file), WavFormatError)
      assert.throws(() => parseWav(file), reason)
    }
    const noData = Buffer.concat([Buffer.from('RIFF'), Buffer.from([4, 0, 0, 0]), Buffer.from('WAVE')])
    assert.throws(() => parseWav(noData), /no format chunk/)
  })

  test('encodeWav refuses a sample count that does not fill whole frames', ({ assert }) => {
    assert.throws(() => encodeWav(new Int16Array(3), 16000, 2), RangeError)
  })
})
