import { AgentSelf } from '../shared/api/acd-models';
import {
  activeCallId,
  callBarMode,
  canDial,
  otherParty,
  stateChoices,
  stateRequest,
} from './call-bar-mode';

const agent = (extra: Partial<AgentSelf> = {}): AgentSelf => ({
  userId: 'u-1',
  displayName: 'Ann Agent',
  state: 'offline',
  reason: null,
  locked: false,
  since: '2026-11-29T10:00:00Z',
  currentCallId: null,
  offer: null,
  call: null,
  ...extra,
});

const offer = { id: 'o-1', callId: 'c-1', offeredAt: null, expiresAt: null };
const choices = (a: AgentSelf | null) => [...stateChoices(a)].sort();

describe('call bar state switching', () => {
  it('lets a signed-out agent go ready or not ready, but not sign out again', () => {
    expect(choices(agent())).toEqual(['not_ready', 'ready']);
  });

  it('lets a ready agent take a break or sign out', () => {
    expect(choices(agent({ state: 'ready' }))).toEqual(['not_ready', 'offline']);
  });

  it('lets a not-ready agent change the reason, go ready or sign out', () => {
    expect(choices(agent({ state: 'not_ready', reason: 'break' }))).toEqual([
      'not_ready',
      'offline',
      'ready',
    ]);
  });

  it('lets an agent in wrap-up choose ready or not ready but not sign out', () => {
    expect(choices(agent({ state: 'wrap_up' }))).toEqual(['not_ready', 'ready']);
  });

  it('offers no switch during a call or while a call is being offered', () => {
    expect(choices(agent({ state: 'busy' }))).toEqual([]);
    expect(choices(agent({ state: 'reserved' }))).toEqual([]);
    expect(choices(agent({ state: 'reserved', offer }))).toEqual([]);
  });

  it('offers no switch to a locked agent', () => {
    expect(choices(agent({ state: 'ready', locked: true }))).toEqual([]);
  });

  it('offers nothing before the state is known', () => {
    expect(choices(null)).toEqual([]);
  });

  it('rings whenever an offer is pending', () => {
    expect(callBarMode(agent({ state: 'reserved', offer }))).toBe('ringing');
  });

  it('shows each state in its own mode', () => {
    expect(callBarMode(null)).toBe('loading');
    expect(callBarMode(agent())).toBe('offline');
    expect(callBarMode(agent({ state: 'ready' }))).toBe('idle');
    expect(callBarMode(agent({ state: 'not_ready' }))).toBe('idle');
    expect(callBarMode(agent({ state: 'reserved' }))).toBe('reserved');
    expect(callBarMode(agent({ state: 'busy' }))).toBe('connected');
    expect(callBarMode(agent({ state: 'wrap_up' }))).toBe('wrap_up');
  });

  it('sends a reason only with not ready', () => {
    expect(stateRequest('not_ready', 'lunch')).toEqual({ state: 'not_ready', reason: 'lunch' });
    expect(stateRequest('ready', 'lunch')).toEqual({ state: 'ready' });
    expect(stateRequest('not_ready')).toEqual({ state: 'not_ready' });
  });

  it('hangs up the call shown, else the one the state points at', () => {
    expect(activeCallId(agent({ currentCallId: 'c-2' }))).toBe('c-2');
    expect(activeCallId(null)).toBeNull();
  });
});

describe('outbound dialling', () => {
  it('is offered to a ready or not-ready agent and during wrap-up', () => {
    expect(canDial(agent({ state: 'ready' }))).toBe(true);
    expect(canDial(agent({ state: 'not_ready', reason: 'break' }))).toBe(true);
    expect(canDial(agent({ state: 'wrap_up' }))).toBe(true);
  });

  it('is not offered signed out, on a call, while one rings, or before the state is known', () => {
    expect(canDial(agent())).toBe(false);
    expect(canDial(agent({ state: 'busy' }))).toBe(false);
    expect(canDial(agent({ state: 'reserved', offer }))).toBe(false);
    expect(canDial(agent({ state: 'ready', offer }))).toBe(false);
    expect(canDial(null)).toBe(false);
  });

  it('names the number dialled on an outbound call and the caller on an inbound one', () => {
    const call = {
      id: 'c-1',
      direction: 'outbound',
      channel: 'voice',
      status: 'connected',
      ani: '+4930123456',
      dnis: '+8613800138000',
      queueId: null,
      agentId: 'u-1',
      createdAt: null,
      queuedAt: null,
      offeredAt: null,
      answeredAt: null,
      endedAt: null,
      endReason: null,
    } as const;
    expect(otherParty(call)).toBe('+8613800138000');
    expect(otherParty({ ...call, direction: 'inbound' })).toBe('+4930123456');
    expect(otherParty(null)).toBeNull();
  });
});
