import { AgentSelf, CallSnapshot } from '../shared/api/acd-models';
import { consultListeners, consultOfferFrom, consultView } from './consult';

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
  ...extra,
});

const agent = (userId: string, extra: Partial<AgentSelf> = {}): AgentSelf => ({
  userId,
  displayName: userId,
  state: 'busy',
  reason: null,
  locked: false,
  since: null,
  currentCallId: 'c-1',
  offer: null,
  call: null,
  ...extra,
});

const consult = {
  state: 'talking',
  agentId: 'u-2',
  agentName: 'Wang Agent',
  initiatorId: 'u-1',
} as const;

describe('consultation view', () => {
  it('shows the initiator whom they consult and where it stands', () => {
    expect(consultView(agent('u-1', { call: call({ consult }) }))).toEqual({
      role: 'initiator',
      state: 'talking',
      otherName: 'Wang Agent',
    });
  });

  it('names the initiator for the consulted agent, from the snapshot or else the offer', () => {
    const viewer = agent('u-2', { call: call({ consult }) });
    expect(consultView(viewer)?.role).toBe('consulted');
    expect(consultView(viewer)?.otherName).toBeNull();
    expect(consultView(viewer, { callId: 'c-1', name: 'Lin Agent' })?.otherName).toBe('Lin Agent');
    expect(consultView(viewer, { callId: 'c-9', name: 'Lin Agent' })?.otherName).toBeNull();
    const named = agent('u-2', { call: call({ consult: { ...consult, initiatorName: 'Lin' } }) });
    expect(consultView(named, { callId: 'c-1', name: 'Lin Agent' })?.otherName).toBe('Lin');
  });

  it('is none without a consultation or without a call', () => {
    expect(consultView(agent('u-1', { call: call() }))).toBeNull();
    expect(consultView(agent('u-1'))).toBeNull();
    expect(consultView(null)).toBeNull();
  });
});

describe('who hears the microphone during a consultation', () => {
  it('is only the identity the server names, and everyone once it names none', () => {
    expect(consultListeners(call({ consult, consultOnlyTo: 'a:u-2' }))).toEqual(['a:u-2']);
    expect(consultListeners(call({ consult: { ...consult, state: 'conference' } }))).toBe(
      'everyone',
    );
    expect(consultListeners(call({ consultOnlyTo: null }))).toBe('everyone');
    expect(consultListeners(null)).toBe('everyone');
  });
});

describe('consult offer', () => {
  it('names the colleague who asks, and is none for an ordinary offer', () => {
    const offer = { id: 'o-1', callId: 'c-1', offeredAt: null, expiresAt: null };
    expect(
      consultOfferFrom(
        agent('u-2', {
          state: 'reserved',
          offer: { ...offer, kind: 'consult', fromAgentId: 'u-1', fromAgentName: 'Lin Agent' },
        }),
      ),
    ).toEqual({ callId: 'c-1', name: 'Lin Agent' });
    expect(consultOfferFrom(agent('u-2', { offer: { ...offer, kind: 'call' } }))).toBeNull();
    expect(consultOfferFrom(agent('u-2', { offer }))).toBeNull();
  });
});
