import { test } from '@japa/runner'
import { actionRefusal, allowedCallActions, type CallActionContext } from '#contact_center/call_actions'

const talking: CallActionContext = {
  status: 'connected',
  hasMedia: true,
  onHold: false,
  muted: false,
  recording: 'off',
  recordingMode: 'on_demand',
  offeredToViewer: false,
  viewerIsAgent: true,
  viewerWrappingUp: false,
  consult: null,
  viewerIsConsulted: false,
}

test.group('Call actions allowed now', () => {
  test('an offered call can only be answered or rejected, and only by the agent it rings', ({ assert }) => {
    const offered = { ...talking, status: 'offered', viewerIsAgent: false }
    assert.deepEqual(allowedCallActions({ ...offered, offeredToViewer: true }), ['answer', 'reject'])
    assert.deepEqual(allowedCallActions(offered), [])
  })

  test('a connected call with audio offers the full set; hold swaps for retrieve and hides mute and DTMF', ({ assert }) => {
    assert.deepEqual(allowedCallActions(talking), ['hangup', 'hold', 'mute', 'transfer', 'consult', 'dtmf', 'record_start', 'disposition'])
    assert.deepEqual(allowedCallActions({ ...talking, onHold: true }), ['hangup', 'retrieve', 'transfer', 'consult', 'record_start', 'disposition'])
    assert.deepEqual(allowedCallActions({ ...talking, muted: true }), ['hangup', 'hold', 'unmute', 'transfer', 'consult', 'dtmf', 'record_start', 'disposition'])
  })

  test('recording follows the mode: always cannot be stopped, never cannot start, on demand does all', ({ assert }) => {
    const recordingOf = (context: CallActionContext) => allowedCallActions(context).filter((a) => a.startsWith('record_'))
    assert.deepEqual(recordingOf({ ...talking, recording: 'on' }), ['record_stop', 'record_pause'])
    assert.deepEqual(recordingOf({ ...talking, recording: 'paused' }), ['record_stop', 'record_resume'])
    assert.deepEqual(recordingOf({ ...talking, recordingMode: 'always', recording: 'on' }), ['record_pause'])
    assert.deepEqual(recordingOf({ ...talking, recordingMode: 'always', recording: 'paused' }), ['record_resume'])
    assert.deepEqual(recordingOf({ ...talking, recordingMode: 'never' }), [])
    assert.equal(actionRefusal('record_stop', { ...talking, recordingMode: 'always', recording: 'on' }), 'Calls in this queue are always recorded')
  })

  test('a call without audio (simulated) has no media actions', ({ assert }) => {
    assert.deepEqual(allowedCallActions({ ...talking, hasMedia: false }), ['hangup', 'transfer', 'disposition'])
    assert.equal(actionRefusal('hold', { ...talking, hasMedia: false }), 'This call has no audio')
  })

  test('after the call only its wrap-up disposition remains, and only for the agent wrapping up', ({ assert }) => {
    const ended = { ...talking, status: 'ended', viewerIsAgent: false }
    assert.deepEqual(allowedCallActions({ ...ended, viewerWrappingUp: true }), ['disposition'])
    assert.deepEqual(allowedCallActions(ended), [])
    assert.equal(actionRefusal('hangup', ended), 'The call has ended')
  })

  test('someone else on the call gets nothing', ({ assert }) => {
    assert.deepEqual(allowedCallActions({ ...talking, viewerIsAgent: false }), [])
    assert.equal(actionRefusal('hold', { ...talking, viewerIsAgent: false }), 'You are not on this call')
  })

  test('during a consultation the initiator finishes it; the consulted agent can only leave', ({ assert }) => {
    assert.deepEqual(allowedCallActions({ ...talking, consult: 'ringing' }), ['hangup', 'consult_cancel'])
    assert.deepEqual(allowedCallActions({ ...talking, consult: 'talking' }), ['hangup', 'consult_complete', 'consult_conference', 'consult_cancel'])
    assert.deepEqual(allowedCallActions({ ...talking, consult: 'conference' }), ['hangup', 'mute', 'record_start'])
    const consulted = { ...talking, viewerIsAgent: false, viewerIsConsulted: true }
    assert.deepEqual(allowedCallActions({ ...consulted, consult: 'talking' }), ['hangup'])
    assert.deepEqual(allowedCallActions({ ...consulted, consult: 'ringing', offeredToViewer: true }), ['answer', 'reject'])
    assert.equal(actionRefusal('transfer', { ...talking, consult: 'talking' }), 'Finish the consultation first')
    assert.equal(actionRefusal('consult_complete', talking), 'There is no consultation on this call')
  })
})
