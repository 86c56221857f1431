import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { DEFAULT_KPI_SETTINGS, MAX_THRESHOLD_SECONDS, kpiSettingsProblems } from './definitions.ts'
import { binGroups, binsWithin, classifyCall, countWaits, kpiRatios, NO_CALLS, waitBin, WAIT_BINS, within, type KpiThresholds } from './formulas.ts'

test('a call is in the service level when it was answered in less than T seconds', () => {
  const sl20 = DEFAULT_KPI_SETTINGS
  assert.equal(classifyCall('answered', 19.9, sl20).answeredInServiceLevel, true)
  assert.equal(classifyCall('answered', 20, sl20).answeredInServiceLevel, false, 'T itself is outside')
  assert.equal(classifyCall('abandoned', 3, sl20).answeredInServiceLevel, false)
  assert.deepEqual(classifyCall('abandoned', 4.9, sl20), {
    answered: false,
    abandoned: true,
    answeredInServiceLevel: false,
    shortAbandoned: true,
    inServiceLevelDenominator: false,
  })
  assert.equal(classifyCall('abandoned', 5, sl20).shortAbandoned, false, 'an abandon after exactly 5 s is not short')
  assert.equal(classifyCall('other', 1, sl20).inServiceLevelDenominator, false, 'voicemail and overflow are neither')
})

test('which abandons count in the service level’s denominator is the tenant’s choice', () => {
  const of = (serviceLevelAbandons: KpiThresholds['serviceLevelAbandons'], wait: number) =>
    classifyCall('abandoned', wait, { ...DEFAULT_KPI_SETTINGS, serviceLevelAbandons }).inServiceLevelDenominator
  assert.deepEqual([of('all', 2), of('all', 40), of('exclude_short', 2), of('exclude_short', 40), of('none', 40)], [true, true, false, true, false])
})

test('exact seconds and 5-second bins classify alike for every threshold the settings accept', () => {
  for (let threshold = 5; threshold <= MAX_THRESHOLD_SECONDS; threshold += 5) {
    const settings: KpiThresholds = { serviceLevelSeconds: threshold, shortAbandonSeconds: threshold, serviceLevelAbandons: 'exclude_short' }
    assert.deepEqual(kpiSettingsProblems({ ...DEFAULT_KPI_SETTINGS, ...settings }), [])
    for (let tenths = 0; tenths <= 3200; tenths += 7) {
      const wait = tenths / 10
      const binned = waitBin(wait) * 5
      assert.equal(classifyCall('answered', wait, settings).answeredInServiceLevel, classifyCall('answered', binned, settings).answeredInServiceLevel, `answered after ${wait} s, T ${threshold}`)
      assert.equal(classifyCall('abandoned', wait, settings).shortAbandoned, classifyCall('abandoned', binned, settings).shortAbandoned, `abandoned after ${wait} s, S ${threshold}`)
      assert.equal(waitBin(wait) < binsWithin(threshold), within(wait, threshold), `bin bound of T ${threshold} for ${wait} s`)
    }
  }
  assert.notDeepEqual(kpiSettingsProblems({ ...DEFAULT_KPI_SETTINGS, serviceLevelSeconds: 12 }), [], 'other thresholds are refused: bins could not tell 10 s from 14 s')
  assert.equal(waitBin(10_000), WAIT_BINS - 1, 'long waits share the last bin')
})

test('counts from bins and ratios from counts', () => {
  // Answered: 2 in bin 0 (0–4 s), 1 in bin 3 (15–19 s), 1 in bin 4 (20–24 s); abandoned: 1 in bin 0, 1 in bin 8.
  const answers = [2, 0, 0, 1, 1]
  const abandons = [1, 0, 0, 0, 0, 0, 0, 0, 1]
  const waits = countWaits([...binGroups('answered', answers), ...binGroups('abandoned', abandons)], DEFAULT_KPI_SETTINGS)
  assert.deepEqual(waits, { answered: 4, abandoned: 2, shortAbandoned: 1, answeredInServiceLevel: 3 })
  const counts = { ...NO_CALLS, ...waits, offered: 6, answerWaitSeconds: 40, handled: 2, talkSeconds: 200, holdSeconds: 20, wrapSeconds: 30 }
  // SL 3 ÷ (4 + 2 − 1); abandon rate (2 − 1) ÷ (6 − 1); ASA 40 ÷ 4; AHT 250 ÷ 2 handled.
  assert.deepEqual(kpiRatios(counts, 'exclude_short'), { serviceLevel: 3 / 5, abandonRate: 1 / 5, asa: 10, aht: 125, avgTalk: 100, avgHold: 10, avgWrap: 15 })
  assert.equal(kpiRatios(counts, 'all').serviceLevel, 3 / 6)
  assert.equal(kpiRatios(counts, 'none').serviceLevel, 3 / 4)
  assert.deepEqual(Object.values(kpiRatios(NO_CALLS, 'all')), [null, null, null, null, null, null, null], 'nothing to divide by: no number')
})

test('the formulas load without the store (no chDB, no ClickHouse client)', () => {
  const formulas = fileURLToPath(new URL('./formulas.ts', import.meta.url))
  const script = `
    import { registerHooks } from 'node:module'
    const seen = []
    registerHooks({ resolve(specifier, context, next) { const found = next(specifier, context); seen.push(found.url); return found } })
    await import(${JSON.stringify(formulas)})
    console.log(JSON.stringify(seen))`
  const loaded: string[] = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }))
  assert.deepEqual(loaded.map((url) => url.split('/').pop()).sort(), ['definitions.ts', 'formulas.ts'])
})
