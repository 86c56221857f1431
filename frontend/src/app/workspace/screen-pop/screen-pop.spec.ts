import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AgentSelf, CallSnapshot } from '../../shared/api/acd-models';
import { TrackingApi } from '../../customers/tracking-api';
import { FakeTrackingApi } from '../../customers/testing/tracking-fixtures';
import { ScreenPopStore } from './screen-pop-store';
import { ScreenPopTarget, screenPopTarget } from './screen-pop-target';

const call = (extra: Partial<CallSnapshot> = {}): CallSnapshot => ({
  id: 'call-1',
  direction: 'inbound',
  channel: 'voice',
  status: 'offered',
  ani: '+8613800138000',
  dnis: '+862100000000',
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

const agent = (c: CallSnapshot | null): AgentSelf => ({
  userId: 'u-1',
  displayName: 'Ann Agent',
  state: 'busy',
  reason: null,
  locked: false,
  since: '2026-11-29T10:00:00Z',
  currentCallId: c?.id ?? null,
  offer: null,
  call: c,
});

describe('screen pop target', () => {
  it('looks up the caller of an offered or connected inbound call', () => {
    expect(screenPopTarget(agent(call()))).toEqual({ callId: 'call-1', number: '+8613800138000' });
    expect(screenPopTarget(agent(call({ status: 'connected' })))?.number).toBe('+8613800138000');
  });

  it('looks up the dialled number of an outbound call', () => {
    expect(screenPopTarget(agent(call({ direction: 'outbound', status: 'ringing' })))?.number).toBe(
      '+862100000000',
    );
  });

  it('has nothing to look up without a call, a number or once the call ended', () => {
    expect(screenPopTarget(null)).toBeNull();
    expect(screenPopTarget(agent(null))).toBeNull();
    expect(screenPopTarget(agent(call({ ani: null })))).toBeNull();
    expect(screenPopTarget(agent(call({ ani: '  ' })))).toBeNull();
    expect(screenPopTarget(agent(call({ status: 'ended' })))).toBeNull();
  });
});

describe('ScreenPopStore', () => {
  function setup() {
    const api = new FakeTrackingApi();
    TestBed.configureTestingModule({
      providers: [ScreenPopStore, { provide: TrackingApi, useValue: api }],
    });
    const target = signal<ScreenPopTarget | null>(null);
    const store = TestBed.inject(ScreenPopStore);
    TestBed.runInInjectionContext(() => store.follow(target));
    TestBed.tick();
    return { api, store, target };
  }

  it('looks the caller up once per call', () => {
    const { api, store, target } = setup();
    api.matches = [
      { id: 'c7', name: '王小明', phones: [], ownerName: 'Ada', matchedNumber: '+8613800138000' },
    ];
    target.set({ callId: 'call-1', number: '+8613800138000' });
    TestBed.tick();
    target.set(null);
    TestBed.tick();
    target.set({ callId: 'call-1', number: '+8613800138000' });
    TestBed.tick();
    expect(api.lookups).toEqual(['+8613800138000']);
    expect(store.callId()).toBe('call-1');
    expect(store.matches()?.map((m) => m.name)).toEqual(['王小明']);

    target.set({ callId: 'call-2', number: '13900000000' });
    TestBed.tick();
    expect(api.lookups).toEqual(['+8613800138000', '13900000000']);
    expect(store.callId()).toBe('call-2');
  });

  it('shows no match when the lookup fails', () => {
    const { api, store, target } = setup();
    api.failMatch = true;
    target.set({ callId: 'call-1', number: '123' });
    TestBed.tick();
    expect(store.matches()).toEqual([]);
    expect(store.error()?.status).toBe(500);
  });
});
