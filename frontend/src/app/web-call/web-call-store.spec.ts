import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable, of, Subject, throwError } from 'rxjs';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { FakeVoiceSession } from '../shared/voice/fake-voice-session';
import { VoiceSession } from '../shared/voice/voice-session';
import { WebCallApi, WebCallEntry, WebCallStart, WebCallStarted } from './web-call-api';
import { endOfCall } from './web-call-state';
import { WebCallStore } from './web-call-store';

const entry: WebCallEntry = {
  tenantName: 'Acme',
  name: 'Support line',
  language: 'zh-CN',
  enabled: true,
};

/** The public endpoints: records what was started and answers a grant for call w-1. */
class FakeWebCallApi {
  readonly started: WebCallStart[] = [];
  refuse = false;
  /** When set, the start answers only when this subject emits. */
  hold: Subject<WebCallStarted> | null = null;
  entry(key: string): Observable<WebCallEntry> {
    return key === 'good'
      ? of(entry)
      : throwError(
          () =>
            new HttpErrorResponse({
              status: 404,
              error: { error: { code: 'E_NOT_FOUND', message: 'Not found' } },
            }),
        );
  }
  start(_key: string, body: WebCallStart): Observable<WebCallStarted> {
    this.started.push(body);
    if (body.phone === '12')
      return throwError(
        () =>
          new HttpErrorResponse({
            status: 422,
            error: {
              errors: [{ field: 'phone', rule: 'phoneNumber', message: 'This is not a phone number' }],
            },
          }),
      );
    if (this.refuse)
      return throwError(
        () =>
          new HttpErrorResponse({
            status: 429,
            error: { error: { code: 'E_TOO_MANY', message: 'Too many calls' } },
          }),
      );
    return (
      this.hold ??
      of({
        callId: 'w-1',
        join: { url: 'ws://lk', token: 't', room: 'call-w-1', identity: 'c:w-1' },
      })
    );
  }
}

async function setup(key = 'good') {
  const api = new FakeWebCallApi();
  const voice = new FakeVoiceSession();
  let now = 1_000;
  TestBed.configureTestingModule({
    providers: [
      WebCallStore,
      { provide: WebCallApi, useValue: api },
      { provide: VoiceSession, useValue: voice },
      { provide: POLL_SCHEDULER, useValue: { now: () => now, schedule: () => ({}) } },
    ],
  });
  const store = TestBed.inject(WebCallStore);
  await store.load(key);
  return { store, api, voice, advance: (ms: number) => (now += ms) };
}

describe('WebCallStore', () => {
  it('shows the entry point of the key', async () => {
    const { store } = await setup();
    expect(store.entry()).toEqual(entry);
    expect(store.callState()).toBe('idle');
  });

  it('tells an unknown key apart', async () => {
    const { store } = await setup('gone');
    expect(store.entry()).toBeNull();
    expect(store.entryError()?.status).toBe(404);
  });

  it('asks for the microphone, starts the call, joins with the microphone and counts from then', async () => {
    const { store, api, voice } = await setup();
    await store.call('zh-CN', { name: '  Li Lei ', phone: ' 138 0013 8000 ' });
    expect(voice.log).toEqual(['check mic', 'connect call-w-1 +mic']);
    expect(api.started).toEqual([{ name: 'Li Lei', phone: '138 0013 8000', language: 'zh-CN' }]);
    expect(store.callState()).toBe('connected');
    expect(store.callId()).toBe('w-1');
    expect(store.connectedAt()).toBe(1_000);
  });

  it('fails with the microphone reason before any call is started', async () => {
    const { store, api, voice } = await setup();
    voice.micFailure = 'mic_denied';
    await store.call('en');
    expect(store.callState()).toBe('failed');
    expect(store.failure()).toBe('mic_denied');
    expect(api.started).toEqual([]);
  });

  it('shows the server message when the call is refused', async () => {
    const { store, api } = await setup();
    api.refuse = true;
    await store.call('en');
    expect(store.callState()).toBe('failed');
    expect(store.failure()).toBe('server');
    expect(store.failureMessage()).toBe('Too many calls');
  });

  it('names the phone number when the server cannot read it, and leaves blanks out of the request', async () => {
    const { store, api } = await setup();
    await store.call('en', { name: '  ', phone: '12' });
    expect(api.started).toEqual([{ language: 'en', phone: '12' }]);
    expect(store.callState()).toBe('failed');
    expect(store.failure()).toBe('phone');
  });

  it('fails when the room cannot be joined', async () => {
    const { store, voice } = await setup();
    voice.connectFails = true;
    await store.call('en');
    expect(store.failure()).toBe('connect_failed');
  });

  it('sends keypad keys as DTMF and shows them', async () => {
    const { store, voice } = await setup();
    await store.call('en');
    await store.press('1');
    await store.press('#');
    expect(voice.log.slice(-2)).toEqual(['dtmf 1', 'dtmf #']);
    expect(store.digits()).toBe('1#');
  });

  it('mutes and unmutes the microphone', async () => {
    const { store, voice } = await setup();
    await store.call('en');
    await store.toggleMute();
    expect(store.muted()).toBe(true);
    await store.toggleMute();
    expect(voice.log.slice(-2)).toEqual(['mic off', 'mic on']);
    expect(store.muted()).toBe(false);
  });

  it('hangs up by leaving the room and keeps the call length', async () => {
    const { store, voice, advance } = await setup();
    await store.call('en');
    advance(65_000);
    await store.hangUp();
    expect(voice.log.slice(-1)).toEqual(['disconnect']);
    expect(store.callState()).toBe('ended');
    expect(store.end()).toBe('hung_up');
    expect(store.endedAt()! - store.connectedAt()!).toBe(65_000);
  });

  it('ends when the agent or the system ends the call', async () => {
    const { store, voice } = await setup();
    await store.call('en');
    voice.closeFromServer('ROOM_DELETED');
    expect(store.callState()).toBe('ended');
    expect(store.end()).toBe('ended');
  });

  it('never joins a call hung up while it was being started', async () => {
    const { store, api, voice } = await setup();
    api.hold = new Subject<WebCallStarted>();
    const calling = store.call('en');
    await Promise.resolve();
    await store.hangUp();
    api.hold.next({
      callId: 'w-1',
      join: { url: 'ws://lk', token: 't', room: 'call-w-1', identity: 'c:w-1' },
    });
    api.hold.complete();
    await calling;
    expect(voice.log).toEqual(['check mic']);
    expect(store.callState()).toBe('ended');
  });

  it('can call again after a call', async () => {
    const { store } = await setup();
    await store.call('en');
    await store.hangUp();
    store.reset();
    expect(store.callState()).toBe('idle');
    expect(store.entry()).toEqual(entry);
  });
});

describe('end of a web call', () => {
  it('reads the room close reason', () => {
    expect(endOfCall('CLIENT_INITIATED')).toBe('hung_up');
    expect(endOfCall('ROOM_DELETED')).toBe('ended');
    expect(endOfCall('PARTICIPANT_REMOVED')).toBe('ended');
    expect(endOfCall('SIGNAL_CLOSE')).toBe('lost');
  });
});
