import { AgentSelf, CallAction, CallSnapshot } from '../shared/api/acd-models';
import { callControls, mediaCallId, wantsMicrophone } from './call-controls';

const call = (extra: Partial<CallSnapshot> = {}): CallSnapshot => ({
  id: 'c-1',
  direction: 'inbound',
  channel: 'web',
  status: 'connected',
  ani: null,
  dnis: null,
  queueId: null,
  agentId: 'u-1',
  createdAt: null,
  queuedAt: null,
  offeredAt: null,
  answeredAt: null,
  endedAt: null,
  endReason: null,
  onHold: false,
  muted: false,
  recording: 'off',
  allowedActions: [],
  ...extra,
});

const agent = (extra: Partial<AgentSelf> = {}): AgentSelf => ({
  userId: 'u-1',
  displayName: 'Ann',
  state: 'busy',
  reason: null,
  locked: false,
  since: null,
  currentCallId: 'c-1',
  offer: null,
  call: call(),
  ...extra,
});

const allowing = (...actions: CallAction[]) => callControls(call({ allowedActions: actions }));

describe('call controls', () => {
  it('shows nothing without a call or without allowed actions', () => {
    expect(callControls(null)).toEqual({
      hangup: false,
      hold: null,
      mute: null,
      transfer: false,
      consult: false,
      consultCommands: [],
      dtmf: false,
      recording: [],
      disposition: false,
    });
    expect(callControls(call({ allowedActions: undefined })).hangup).toBe(false);
  });

  it('offers hold on a talking call and retrieve on a held one', () => {
    expect(allowing('hold', 'mute').hold).toBe('hold');
    expect(allowing('retrieve').hold).toBe('retrieve');
  });

  it('offers mute or unmute as the server says', () => {
    expect(allowing('mute').mute).toBe('mute');
    expect(allowing('unmute').mute).toBe('unmute');
  });

  it('lists the allowed recording commands in button order', () => {
    expect(allowing('record_stop', 'record_pause').recording).toEqual(['pause', 'stop']);
    expect(allowing('record_start').recording).toEqual(['start']);
    expect(allowing('record_resume', 'record_stop').recording).toEqual(['resume', 'stop']);
  });

  it('shows hang up, transfer, keypad and disposition only when allowed', () => {
    const controls = allowing('hangup', 'transfer', 'dtmf', 'disposition');
    expect([controls.hangup, controls.transfer, controls.dtmf, controls.disposition]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(allowing('disposition').hangup).toBe(false);
  });

  it('offers consult on a connected call, then the consultation commands in button order', () => {
    expect(allowing('consult').consult).toBe(true);
    expect(
      allowing('consult_cancel', 'consult_complete', 'consult_conference').consultCommands,
    ).toEqual(['complete', 'conference', 'cancel']);
    expect(allowing('consult_cancel').consultCommands).toEqual(['cancel']);
    expect(allowing('hangup').consult).toBe(false);
  });
});

describe('media room of the agent', () => {
  it('is the call the agent is busy on', () => {
    expect(mediaCallId(agent())).toBe('c-1');
  });

  it('is none while ringing, in wrap-up, after the call ended or moved to someone else', () => {
    expect(mediaCallId(null)).toBeNull();
    expect(
      mediaCallId(
        agent({
          state: 'reserved',
          offer: { id: 'o', callId: 'c-1', offeredAt: null, expiresAt: null },
        }),
      ),
    ).toBeNull();
    expect(mediaCallId(agent({ state: 'wrap_up' }))).toBeNull();
    expect(mediaCallId(agent({ call: call({ status: 'ended' }) }))).toBeNull();
    expect(mediaCallId(agent({ call: call({ agentId: 'u-2' }) }))).toBeNull();
    expect(mediaCallId(agent({ call: null }))).toBeNull();
  });

  it('is none for a simulated call, which has no audio', () => {
    expect(mediaCallId(agent({ call: call({ channel: 'simulated' }) }))).toBeNull();
  });

  it("is the colleague's call for the agent they consult, once the consult is accepted", () => {
    const consult = {
      state: 'talking',
      agentId: 'u-1',
      agentName: 'Ann',
      initiatorId: 'u-2',
    } as const;
    expect(mediaCallId(agent({ call: call({ agentId: 'u-2', consult }) }))).toBe('c-1');
    expect(
      mediaCallId(
        agent({ call: call({ agentId: 'u-2', consult: { ...consult, agentId: 'u-3' } }) }),
      ),
    ).toBeNull();
  });

  it('keeps the microphone live only while neither held nor muted', () => {
    expect(wantsMicrophone(call())).toBe(true);
    expect(wantsMicrophone(call({ onHold: true }))).toBe(false);
    expect(wantsMicrophone(call({ muted: true }))).toBe(false);
    expect(wantsMicrophone(null)).toBe(false);
  });

  it('keeps the microphone live during a consultation although the customer is on hold', () => {
    const consult = {
      state: 'talking',
      agentId: 'u-2',
      agentName: 'Bo',
      initiatorId: 'u-1',
    } as const;
    expect(wantsMicrophone(call({ onHold: true, consult, consultOnlyTo: 'a:u-2' }))).toBe(true);
    expect(wantsMicrophone(call({ muted: true, consult, consultOnlyTo: 'a:u-2' }))).toBe(false);
    // The consulted agent speaks whatever the initiator's hold and mute say.
    const mine = call({
      agentId: 'u-1',
      onHold: true,
      muted: true,
      consult,
      consultOnlyTo: 'a:u-1',
    });
    expect(wantsMicrophone(mine, 'u-2')).toBe(true);
    expect(wantsMicrophone(call({ status: 'ended', consult }), 'u-2')).toBe(false);
  });
});
