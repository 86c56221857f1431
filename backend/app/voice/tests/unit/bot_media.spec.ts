import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test } from '@japa/runner'
import { announcePosition, BUILT_IN_MUSIC, BUILT_IN_PHRASES, builtInPrompt, forgetPrompt, loadPrompt } from '#voice/bot/prompts'
import { downmix, resample, rms } from '#voice/bot/pcm'
import { digitOf, dtmfCode, parseDigits } from '#voice/bot/dtmf'
import { encodeWav, WavFormatError } from '#voice/bot/wav'

test.group('Media bot prompts', () => {
  test('every built-in phrase exists in both languages and every music clip loops for 10-15 s', async ({ assert }) => {
    for (const language of ['en', 'zh-CN'] as const) {
      for (const name of BUILT_IN_PHRASES) {
        const prompt = await builtInPrompt(name, language)
        assert.isAbove(prompt.durationMs, 200, `${language}/${name}`)
        assert.isBelow(prompt.durationMs, 10000, `${language}/${name}`)
        if (name !== 'position_outro' || language === 'zh-CN') assert.isAbove(rms(prompt.samples), 500, `${language}/${name} is audible`)
      }
    }
    for (const name of ['queue_music', 'hold_music'] as const) {
      const music = await builtInPrompt(name, 'en')
      assert.isAtLeast(music.durationMs, 10000)
      assert.isAtMost(music.durationMs, 15000)
      assert.isAbove(rms(music.samples), 1000)
    }
    assert.include(BUILT_IN_MUSIC, 'beep')
  })

  test('the position announcement says what the numbers can say and leaves the rest out', async ({ assert }) => {
    const names = async (position: number, wait: number | null) => (await announcePosition(position, wait, 'en')).map((p) => p.name)
    assert.deepEqual(await names(3, 5), ['position_intro', 'n3', 'position_outro', 'wait_intro', 'n5', 'minutes'])
    assert.deepEqual(await names(1, 1.2), ['position_intro', 'n1', 'position_outro', 'wait_intro', 'n1', 'minute'])
    assert.deepEqual(await names(2, 0.4), ['position_intro', 'n2', 'position_outro', 'less_than_minute'])
    assert.deepEqual(await names(25, 45), [])
    assert.deepEqual(await names(4, null), ['position_intro', 'n4', 'position_outro'])
    assert.lengthOf(await announcePosition(3, 5, 'zh-CN'), 6)
  })

  test('a stereo 44.1 kHz upload becomes mono 16 kHz; a file that is not PCM is refused and not cached', async ({ assert }) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'prompt-'))
    try {
      const frames = 44100
      const stereo = new Int16Array(frames * 2)
      for (let i = 0; i < frames; i++) stereo[i * 2] = stereo[i * 2 + 1] = Math.round(10000 * Math.sin((2 * Math.PI * 440 * i) / 44100))
      const file = path.join(dir, 'upload.wav')
      await writeFile(file, encodeWav(stereo, 44100, 2))
      const prompt = await loadPrompt(file)
      assert.equal(prompt.samples.length, 16000)
      assert.equal(prompt.durationMs, 1000)
      assert.approximately(rms(prompt.samples), 10000 / Math.SQRT2, 200)
      assert.strictEqual(await loadPrompt(file), prompt, 'cached')
      forgetPrompt(file)
      assert.notStrictEqual(await loadPrompt(file), prompt)

      const bad = path.join(dir, 'bad.wav')
      await writeFile(bad, Buffer.from('not a wav file at all'))
      await assert.rejects(() => loadPrompt(bad), WavFormatError)
      await writeFile(bad, encodeWav(new Int16Array(160), 8000, 1))
      assert.equal((await loadPrompt(bad)).samples.length, 320)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

test.group('Media bot PCM and DTMF helpers', () => {
  test('downmix averages channels and resample keeps duration and level', ({ assert }) => {
    assert.deepEqual(Array.from(downmix(Int16Array.from([100, 300, -50, 50]), 2)), [200, 0])
    const tone = new Int16Array(8000).map((_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 300 * i) / 8000)))
    const up = resample(tone, 8000, 16000)
    assert.equal(up.length, 16000)
    assert.approximately(rms(up), rms(tone), 100)
  })

  test('digits map to SIP DTMF codes and back; unknown characters are refused', ({ assert }) => {
    assert.deepEqual(['0', '9', '*', '#', 'A', 'D'].map((d) => dtmfCode(d as never)), [0, 9, 10, 11, 12, 15])
    assert.equal(digitOf(1, '1'), '1')
    assert.equal(digitOf(11, ''), '#')
    assert.equal(digitOf(10, undefined), '*')
    assert.isNull(digitOf(42, ''))
    assert.deepEqual(parseDigits('12w#'), ['1', '2', 'w', '#'])
    assert.throws(() => parseDigits('12x'), RangeError)
  })
})
