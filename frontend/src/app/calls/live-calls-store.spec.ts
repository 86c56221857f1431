import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { Observable, of, Subject, throwError } from 'rxjs';
import { AgentSelf, CallDetail, CallSummary } from '../shared/api/acd-models';
import { Outcome } from '../shared/api/outcome';
import { FakeVoiceSession } from '../shared/voice/fake-voice-session';
import { VoiceError } from '../shared/voice/voice-models';
import { VoiceSession } from '../shared/voice/voice-session';
import { CallsApi, MonitorGrant, WhisperGrant } from './calls-api';
import { CallsFeed } from './calls-feed';
import { LiveCallsStore } from './live-calls-store';
import { supervisorActions } from './supervision';

const summary = (id: string, extra: Partial<CallSummary> = {}): CallSummary => ({
  id,
  direction: 'inbound',
  channel: 'web',
  status: 'connected',
  ani: '+8613800138000',
  dnis: null,
  queueId: 'q-1',
  queueName: 'Sales',
  agentId: 'u-agent',
  agentName: 'Ann Agent',
  createdAt: null,
  queuedAt: null,
  offeredAt: null,
  answeredAt: null,
  endedAt: null,
  endReason: null,
  supervisors: [],
  ...extra,
});

/** A CallsApi that records the commands it gets, in order. */
class FakeCallsApi {
  readonly sent: string[] = [];
  refuse: string | null = null;
  private answer<T>(command: string, value: T): Observable<T> {
    this.sent.push(command);
    if (this.refuse === command.split(' ')[0])
      return throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: { error: { code: 'E_CONFLICT', message: 'no' } },
          }),
      );
    return of(value);
  }
  monitor(id: string): Observable<MonitorGrant> {
    return this.answer(`monitor ${id}`, {
      mode: 'monitor',
      join: { url: 'ws://lk', token: 't', room: `call-${id}`, identity: 's:u-sup' },
    });
  }
  whisper(id: string): Observable<WhisperGrant> {
    return this.answer(`whisper ${id}`, { mode: 'whisper', onlyTo: 'a:u-agent' });
  }
  barge(id: string): Observable<{ mode: 'barge' }> {
    return this.answer(`barge ${id}`, { mode: 'barge' });
  }
  intercept(id: string): Observable<AgentSelf> {
    return this.answer(`intercept ${id}`, {} as AgentSelf);
  }
  leave(id: string): Observable<{ mode: null }> {
    return this.answer(`leave ${id}`, { mode: null });
  }
  release(id: string): Observable<CallDetail> {
    return this.answer(`release ${id}`, {} as CallDetail);
  }
}

function setup(calls: CallSummary[] = [summary('c-1'), summary('c-2')]) {
  const api = new FakeCallsApi();
  const voice = new FakeVoiceSession();
  const feed = new Subject<Outcome<CallSummary[]>>();
  TestBed.configureTestingModule({
    providers: [
      LiveCallsStore,
      { provide: CallsApi, useValue: api },
      { provide: CallsFeed, useValue: { watch: () => feed } },
      { provide: VoiceSession, useValue: voice },
    ],
  });
  const store = TestBed.inject(LiveCallsStore);
  feed.next({ ok: true, value: calls });
  return { store, api, voice, feed };
}

describe('LiveCallsStore', () => {
  it('lists the live calls pushed by the feed', () => {
    const { store } = setup();
    expect(store.calls().map((call) => call.id)).toEqual(['c-1', 'c-2']);
  });

  it('monitors by joining the room without a microphone', async () => {
    const { store, api, voice } = setup();
    await store.monitor(summary('c-1'));
    expect(api.sent).toEqual(['monitor c-1']);
    expect(voice.log).toEqual(['connect call-c-1']);
    expect(store.supervising()).toEqual({ callId: 'c-1', mode: 'monitor' });
  });

  it('whispers: joins, then lets only the agent subscribe before the microphone goes on', async () => {
    const { store, api, voice } = setup();
    await store.whisper(summary('c-1'));
    expect(api.sent).toEqual(['monitor c-1', 'whisper c-1']);
    expect(voice.log).toEqual(['connect call-c-1', 'allow a:u-agent', 'mic on']);
    expect(store.supervising()?.mode).toBe('whisper');
  });

  it('barges from a whisper by letting everyone hear', async () => {
    const { store, voice } = setup();
    await store.whisper(summary('c-1'));
    await store.barge(summary('c-1'));
    expect(voice.log.slice(-2)).toEqual(['allow everyone', 'mic on']);
    expect(store.supervising()?.mode).toBe('barge');
  });

  it('goes back to listening only by dropping the microphone in the same room', async () => {
    const { store, voice } = setup();
    await store.barge(summary('c-1'));
    await store.monitor(summary('c-1'));
    expect(voice.log.slice(-1)).toEqual(['mic stop']);
    expect(voice.log.filter((line) => line.startsWith('connect'))).toHaveLength(1);
  });

  it('leaves the first call before monitoring another', async () => {
    const { store, api, voice } = setup();
    await store.monitor(summary('c-1'));
    await store.monitor(summary('c-2'));
    expect(api.sent).toEqual(['monitor c-1', 'leave c-1', 'monitor c-2']);
    expect(voice.log).toEqual(['connect call-c-1', 'disconnect', 'connect call-c-2']);
  });

  it('publishes nothing when the server refuses the whisper', async () => {
    const { store, api, voice } = setup();
    api.refuse = 'whisper';
    const outcome = await store.whisper(summary('c-1'));
    expect(outcome.ok).toBe(false);
    expect(voice.log).toEqual(['connect call-c-1']);
    expect(store.supervising()?.mode).toBe('monitor');
  });

  it('shows a blocked microphone as a media error', async () => {
    const { store, voice } = setup();
    voice.setMicrophone = async () => {
      throw new VoiceError('mic_denied', 'blocked');
    };
    const outcome = await store.barge(summary('c-1'));
    expect(outcome.ok).toBe(false);
    expect(store.mediaError()).toBe('mic_denied');
  });

  it('leaves the room on leave, intercept, and when the call is no longer live', async () => {
    const { store, api, voice, feed } = setup();
    await store.monitor(summary('c-1'));
    await store.leave();
    expect(api.sent.slice(-1)).toEqual(['leave c-1']);
    expect(voice.state()).toBe('none');
    await store.monitor(summary('c-1'));
    await store.intercept(summary('c-1'));
    expect(store.supervising()).toBeNull();
    await store.monitor(summary('c-2'));
    feed.next({ ok: true, value: [summary('c-1')] });
    await Promise.resolve();
    expect(store.supervising()).toBeNull();
    expect(voice.state()).toBe('none');
  });

  it('releases a call and drops it from the list', async () => {
    const { store, api } = setup();
    await store.release(summary('c-2'));
    expect(api.sent).toEqual(['release c-2']);
    expect(store.calls().map((call) => call.id)).toEqual(['c-1']);
  });
});

describe('supervisor actions of a row', () => {
  const all = new Set([
    'calls.monitor',
    'calls.whisper',
    'calls.barge',
    'calls.intercept',
    'agents.manage',
  ]);
  const sorted = (set: ReadonlySet<string>) => [...set].sort();

  it('offers every command on a talking call to a supervisor with every permission', () => {
    expect(sorted(supervisorActions(summary('c-1'), null, all))).toEqual([
      'barge',
      'intercept',
      'monitor',
      'release',
      'whisper',
    ]);
  });

  it('follows the permissions held', () => {
    expect(sorted(supervisorActions(summary('c-1'), null, new Set(['calls.monitor'])))).toEqual([
      'monitor',
    ]);
  });

  it('offers only monitor and release while the call waits in the queue', () => {
    const queued = summary('c-1', { status: 'queued', agentId: null });
    expect(sorted(supervisorActions(queued, null, all))).toEqual(['monitor', 'release']);
  });

  it('offers leave and the other modes while whispering', () => {
    const actions = supervisorActions(summary('c-1'), { callId: 'c-1', mode: 'whisper' }, all);
    expect(actions.has('leave')).toBe(true);
    expect(actions.has('whisper')).toBe(false);
    expect(actions.has('monitor')).toBe(true);
  });
});
