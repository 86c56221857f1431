import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable, of, Subject, throwError, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { AgentSelf, AgentStateInput, CallSnapshot, DialInput } from '../shared/api/acd-models';
import { FakeVoiceSession } from '../shared/voice/fake-voice-session';
import { JoinGrant } from '../shared/voice/voice-models';
import { VoiceSession } from '../shared/voice/voice-session';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { AgentApi, CallCommand, QueueName, RecordingCommand } from './agent-api';
import { AGENT_POLL_MS } from './agent-feed';
import { ConsultCommand } from './consult';
import { provideMockStore } from '@ngrx/store/testing';
import { initialAuthState } from '../auth/auth.reducer';
import { RealtimeClient, RealtimeMessage } from '../shared/realtime/realtime-client';
import { WorkspaceStore } from './workspace-store';

const call: CallSnapshot = {
  id: 'c-1',
  direction: 'inbound',
  channel: 'voice',
  status: 'offered',
  ani: '+8613800138000',
  dnis: '4001',
  queueId: 'q-sales',
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
  allowedActions: ['hangup', 'hold', 'mute', 'transfer', 'dtmf'],
};

/** The agent on the connected call, with what the server then allows. */
const onCall = (extra: Partial<CallSnapshot> = {}) =>
  agent({ state: 'busy', currentCallId: 'c-1', call: { ...call, status: 'connected', ...extra } });

const agent = (extra: Partial<AgentSelf> = {}): AgentSelf => ({
  userId: 'u-1',
  displayName: 'Ann Agent',
  state: 'offline',
  reason: null,
  locked: false,
  since: null,
  currentCallId: null,
  offer: null,
  call: null,
  ...extra,
});

const ringing = agent({
  state: 'reserved',
  currentCallId: 'c-1',
  offer: { id: 'o-1', callId: 'c-1', offeredAt: null, expiresAt: null },
  call,
});

const conflict = (message: string) =>
  new HttpErrorResponse({ status: 409, error: { error: { code: 'E_CONFLICT', message } } });

/** An AgentApi whose GET /agent answers the script in turn and whose commands are recorded. */
class FakeAgentApi {
  states: AgentSelf[] = [agent()];
  polls = 0;
  readonly sent: string[] = [];
  /** When set, the next command answers only when this subject emits. */
  hold: Subject<AgentSelf> | null = null;
  /** What accepting an offer answers. */
  accepted: AgentSelf = onCall();
  /** What the consultation commands answer, in turn. */
  consulting: AgentSelf[] = [];
  /** When set, dialling is refused with this conflict message. */
  dialRefusal: string | null = null;
  me(): Observable<AgentSelf> {
    this.polls++;
    return of(this.states.length > 1 ? this.states.shift()! : this.states[0]!);
  }
  setState(body: AgentStateInput): Observable<AgentSelf> {
    this.sent.push(`state ${body.state}${body.reason ? ' ' + body.reason : ''}`);
    if (this.states[0]?.locked) {
      return throwError(() =>
        conflict('Cannot change to ready: your supervisor has locked your state'),
      );
    }
    const next = agent({ state: body.state, reason: body.reason ?? null });
    return this.hold ?? of(next);
  }
  accept(id: string): Observable<AgentSelf> {
    this.sent.push(`accept ${id}`);
    return of(this.accepted);
  }
  consult(id: string, userId: string): Observable<AgentSelf> {
    this.sent.push(`consult ${id} ${userId}`);
    return of(this.consulting.shift()!);
  }
  consultCommand(id: string, command: ConsultCommand): Observable<AgentSelf> {
    this.sent.push(`consult/${command} ${id}`);
    return of(this.consulting.shift()!);
  }
  dial(body: DialInput): Observable<AgentSelf> {
    this.sent.push(`dial ${body.number}`);
    if (this.dialRefusal) return throwError(() => conflict(this.dialRefusal!));
    return of(onCall({ direction: 'outbound', dnis: body.number }));
  }
  media(id: string): Observable<JoinGrant> {
    this.sent.push(`media ${id}`);
    return of({ url: 'ws://lk', token: 't', room: `call-${id}`, identity: 'a:u-1' });
  }
  callCommand(id: string, name: CallCommand): Observable<AgentSelf> {
    this.sent.push(`${name} ${id}`);
    if (name === 'hangup') return of(agent({ state: 'wrap_up' }));
    const held: Partial<CallSnapshot> = {
      onHold: name === 'hold',
      allowedActions: [name === 'hold' ? 'retrieve' : 'hold'],
    };
    const muted: Partial<CallSnapshot> = {
      muted: name === 'mute',
      allowedActions: [name === 'mute' ? 'unmute' : 'mute'],
    };
    return of(onCall(name === 'hold' || name === 'retrieve' ? held : muted));
  }
  sendDtmf(id: string, digits: string): Observable<AgentSelf> {
    this.sent.push(`dtmf ${id} ${digits}`);
    return of(onCall());
  }
  recording(id: string, action: RecordingCommand): Observable<AgentSelf> {
    this.sent.push(`recording ${id} ${action}`);
    return of(
      onCall({ recording: action === 'stop' ? 'off' : action === 'pause' ? 'paused' : 'on' }),
    );
  }
  reject(id: string): Observable<AgentSelf> {
    this.sent.push(`reject ${id}`);
    return of(agent({ state: 'ready' }));
  }
  hangUp(id: string): Observable<AgentSelf> {
    return this.callCommand(id, 'hangup');
  }
  queueNames(): Observable<QueueName[]> {
    return of([{ id: 'q-sales', name: 'Sales' }]);
  }
}

/** Stands in for the realtime socket: the test pushes messages on the agent's channel. */
class FakeRealtime {
  readonly pushes = new Subject<RealtimeMessage>();
  channels: string[] = [];
  channel(name: string): Observable<RealtimeMessage> {
    this.channels.push(name);
    return this.pushes;
  }
}

function setup(states: AgentSelf[], maxFrames = 0) {
  const api = new FakeAgentApi();
  api.states = states;
  const realtime = new FakeRealtime();
  const voice = new FakeVoiceSession();
  const scheduler = new VirtualTimeScheduler(VirtualAction, maxFrames);
  TestBed.configureTestingModule({
    providers: [
      WorkspaceStore,
      provideMockStore({
        initialState: { auth: { ...initialAuthState, user: { id: 'u-1' }, tenant: { id: 't-1' } } },
      }),
      { provide: AgentApi, useValue: api },
      { provide: RealtimeClient, useValue: realtime },
      { provide: VoiceSession, useValue: voice },
      { provide: POLL_SCHEDULER, useValue: scheduler },
    ],
  });
  const store = TestBed.inject(WorkspaceStore);
  TestBed.tick();
  scheduler.flush();
  return { store, api, scheduler, realtime, voice };
}

describe('WorkspaceStore', () => {
  it("listens on the agent's own realtime channel and re-reads the state when something is pushed", () => {
    const { store, api, realtime } = setup([agent(), agent({ state: 'ready' }), ringing]);
    expect(realtime.channels).toEqual(['tenant/t-1/agent/u-1']);
    const before = api.polls;
    realtime.pushes.next({
      type: 'event',
      channel: 'tenant/t-1/agent/u-1',
      seq: 1,
      event: { id: 'e', type: 'call.offered', occurredAt: '', payload: {} },
    });
    expect(api.polls).toBe(before + 1);
    expect(store.mode()).toBe('idle');
    realtime.pushes.next({
      type: 'event',
      channel: 'tenant/t-1/agent/u-1',
      seq: 2,
      event: { id: 'f', type: 'agent.state_changed', occurredAt: '', payload: {} },
    });
    expect(store.mode()).toBe('ringing');
  });

  it('shows the agent signed out until they choose a state', () => {
    const { store } = setup([agent()]);
    expect(store.mode()).toBe('offline');
    expect([...store.choices()].sort()).toEqual(['not_ready', 'ready']);
    expect(store.loading()).toBe(false);
  });

  it('picks up an offer on the next slow poll even without the socket', () => {
    const { store, api, scheduler } = setup([agent({ state: 'ready' }), ringing], AGENT_POLL_MS);
    expect(api.polls).toBe(2);
    expect(store.mode()).toBe('ringing');
    expect(store.queueName()).toBe('Sales');
    scheduler.maxFrames = AGENT_POLL_MS * 3;
    scheduler.flush();
    expect(api.polls).toBe(4);
  });

  it('goes not ready with the chosen reason', async () => {
    const { store, api } = setup([agent({ state: 'ready' })]);
    const outcome = await store.setState('not_ready', 'lunch');
    expect(outcome.ok).toBe(true);
    expect(api.sent).toEqual(['state not_ready lunch']);
    expect(store.agent()).toMatchObject({ state: 'not_ready', reason: 'lunch' });
  });

  it('answers the pending offer and shows the connected call', async () => {
    const { store, api } = setup([ringing]);
    await store.answer();
    expect(api.sent).toEqual(['accept o-1']);
    expect(store.mode()).toBe('connected');
  });

  it('declines the pending offer', async () => {
    const { store, api } = setup([ringing]);
    await store.decline();
    expect(api.sent).toEqual(['reject o-1']);
    expect(store.mode()).toBe('idle');
  });

  it('hangs up into wrap-up, from where the agent chooses ready or not ready', async () => {
    const { store, api } = setup([agent({ state: 'busy', currentCallId: 'c-1', call })]);
    await store.hangUp();
    expect(api.sent).toEqual(['hangup c-1']);
    expect(store.mode()).toBe('wrap_up');
    expect([...store.choices()].sort()).toEqual(['not_ready', 'ready']);
  });

  it('hands back the server message when a change is refused', async () => {
    const { store } = setup([agent({ state: 'not_ready', locked: true })]);
    const outcome = await store.setState('ready');
    expect(!outcome.ok && outcome.error).toMatchObject({
      status: 409,
      message: 'Cannot change to ready: your supervisor has locked your state',
    });
    expect(store.agent()?.state).toBe('not_ready');
  });

  it('sends nothing to answer when no offer is pending', async () => {
    const { store, api } = setup([agent({ state: 'ready' })]);
    const outcome = await store.answer();
    expect(outcome.ok).toBe(false);
    expect(api.sent).toEqual([]);
  });

  it('lets the answer of a command win over a poll that arrives meanwhile', async () => {
    const { store, api, scheduler } = setup([agent({ state: 'ready' })], 0);
    api.hold = new Subject<AgentSelf>();
    const changing = store.setState('offline');
    api.states = [agent({ state: 'not_ready', reason: 'break' })];
    scheduler.maxFrames = AGENT_POLL_MS;
    scheduler.flush();
    expect(store.agent()?.state).toBe('ready');
    api.hold.next(agent({ state: 'offline' }));
    api.hold.complete();
    await changing;
    expect(store.agent()?.state).toBe('offline');
  });
});

/** Lets the media joins and the microphone effect run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }
}

describe('WorkspaceStore softphone', () => {
  it('joins the call room with the agent grant and publishes the microphone once answered', async () => {
    const { store, api, voice } = setup([ringing]);
    await store.answer();
    await settle();
    expect(api.sent).toEqual(['accept o-1', 'media c-1']);
    expect(voice.log).toEqual(['connect call-c-1 +mic']);
    expect(voice.state()).toBe('connected');
  });

  it('joins the room of a call the agent is already on when the workspace opens', async () => {
    const { voice } = setup([onCall()]);
    await settle();
    expect(voice.log).toEqual(['connect call-c-1 +mic']);
  });

  it('mutes the microphone after the server answered mute, and turns it on again on unmute', async () => {
    const { store, api, voice } = setup([onCall()]);
    await settle();
    await store.callCommand('mute');
    await settle();
    expect(api.sent.slice(-1)).toEqual(['mute c-1']);
    expect(voice.log.slice(-1)).toEqual(['mic off']);
    expect(store.controls().mute).toBe('unmute');
    await store.callCommand('unmute');
    await settle();
    expect(voice.log.slice(-1)).toEqual(['mic on']);
  });

  it('silences the microphone on hold and brings it back on retrieve', async () => {
    const { store, voice } = setup([onCall()]);
    await settle();
    await store.callCommand('hold');
    await settle();
    expect(voice.log.slice(-1)).toEqual(['mic off']);
    expect(store.controls().hold).toBe('retrieve');
    await store.callCommand('retrieve');
    await settle();
    expect(voice.log.slice(-1)).toEqual(['mic on']);
  });

  it('leaves the room when the call ends', async () => {
    const { store, voice } = setup([onCall()]);
    await settle();
    await store.hangUp();
    await settle();
    expect(voice.log).toEqual(['connect call-c-1 +mic', 'disconnect']);
    expect(voice.state()).toBe('none');
  });

  it('sends keypad keys through the API and remembers them', async () => {
    const { store, api } = setup([onCall()]);
    await store.sendDtmf('5');
    await store.sendDtmf('#');
    expect(api.sent.slice(-2)).toEqual(['dtmf c-1 5', 'dtmf c-1 #']);
    expect(store.digits()).toBe('5#');
  });

  it('changes the recording with the chosen command', async () => {
    const { store, api } = setup([onCall()]);
    await store.recording('pause');
    expect(api.sent.slice(-1)).toEqual(['recording c-1 pause']);
    expect(store.agent()?.call?.recording).toBe('paused');
  });

  it('shows why the audio failed when the microphone is blocked', async () => {
    const api = setup([ringing]);
    api.voice.micFailure = 'mic_denied';
    await api.store.answer();
    await settle();
    expect(api.store.mediaError()).toBe('mic_denied');
  });

  it('looks again when the room closes under the agent, and leaves once the call is over', async () => {
    const { store, api, voice } = setup([onCall()]);
    await settle();
    api.states = [agent({ state: 'wrap_up' })];
    voice.closeFromServer();
    await settle();
    expect(store.mode()).toBe('wrap_up');
    expect(store.mediaError()).toBeNull();
  });
});

/** The consultation as the server reports it on the call. */
const consult = (state: 'ringing' | 'talking' | 'conference', agentId = 'u-2') => ({
  state,
  agentId,
  agentName: agentId === 'u-2' ? 'Wang Agent' : 'Ann Agent',
  initiatorId: agentId === 'u-2' ? 'u-1' : 'u-2',
});

describe('WorkspaceStore consultation', () => {
  it('consults a colleague: from then on only they may hear the microphone, hold or not', async () => {
    const { store, api, voice } = setup([onCall({ allowedActions: ['consult', 'hangup'] })]);
    await settle();
    api.consulting = [
      onCall({
        onHold: true,
        consult: consult('ringing'),
        consultOnlyTo: 'a:u-2',
        allowedActions: ['consult_cancel'],
      }),
    ];
    await store.consult('u-2');
    await settle();
    expect(api.sent.slice(-1)).toEqual(['consult c-1 u-2']);
    expect(voice.log).toEqual(['connect call-c-1 +mic', 'allow a:u-2']);
    expect(voice.micEnabled()).toBe(true);
    expect(store.consultation()).toEqual({
      role: 'initiator',
      state: 'ringing',
      otherName: 'Wang Agent',
    });
    expect(store.controls().consultCommands).toEqual(['cancel']);
  });

  it('lets everyone hear again once the consultation becomes a conference', async () => {
    const talking = onCall({
      onHold: true,
      consult: consult('talking'),
      consultOnlyTo: 'a:u-2',
      allowedActions: ['consult_complete', 'consult_conference', 'consult_cancel'],
    });
    const { store, api, voice } = setup([talking]);
    await settle();
    expect(voice.log).toEqual(['connect call-c-1 only a:u-2 +mic']);
    api.consulting = [onCall({ consult: consult('conference'), allowedActions: ['hangup'] })];
    await store.consultCommand('conference');
    await settle();
    expect(api.sent.slice(-1)).toEqual(['consult/conference c-1']);
    expect(voice.log.slice(-1)).toEqual(['allow everyone']);
    expect(store.consultation()?.state).toBe('conference');
  });

  it('leaves the room into wrap-up when the transfer to the consulted agent completes', async () => {
    const { store, api, voice } = setup([
      onCall({ consult: consult('talking'), consultOnlyTo: 'a:u-2' }),
    ]);
    await settle();
    api.consulting = [agent({ state: 'wrap_up' })];
    await store.consultCommand('complete');
    await settle();
    expect(api.sent.slice(-1)).toEqual(['consult/complete c-1']);
    expect(voice.log.slice(-1)).toEqual(['disconnect']);
    expect(store.consultation()).toBeNull();
  });

  it("joins the colleague's room as the consulted agent, heard only by them before speaking", async () => {
    const offered = agent({
      state: 'reserved',
      currentCallId: 'c-1',
      offer: {
        id: 'o-2',
        callId: 'c-1',
        offeredAt: null,
        expiresAt: null,
        kind: 'consult',
        fromAgentId: 'u-2',
        fromAgentName: 'Lin Agent',
      },
      call: { ...call, agentId: 'u-2', consult: consult('ringing', 'u-1'), allowedActions: [] },
    });
    const { store, api, voice } = setup([offered]);
    expect(store.consultOffer()).toEqual({ callId: 'c-1', name: 'Lin Agent' });
    api.accepted = agent({
      state: 'busy',
      currentCallId: 'c-1',
      call: {
        ...call,
        status: 'connected',
        agentId: 'u-2',
        onHold: true,
        consult: consult('talking', 'u-1'),
        consultOnlyTo: 'a:u-2',
        allowedActions: ['hangup'],
      },
    });
    await store.answer();
    await settle();
    expect(api.sent).toEqual(['accept o-2', 'media c-1']);
    expect(voice.log).toEqual(['connect call-c-1 only a:u-2 +mic']);
    expect(store.consultation()).toEqual({
      role: 'consulted',
      state: 'talking',
      otherName: 'Lin Agent',
    });
  });
});

describe('WorkspaceStore outbound calls', () => {
  it('dials a number and shows the new call', async () => {
    const { store, api } = setup([agent({ state: 'ready' })]);
    expect(store.canDial()).toBe(true);
    const outcome = await store.dial('+8613800138000');
    expect(outcome.ok).toBe(true);
    expect(api.sent).toEqual(['dial +8613800138000']);
    expect(store.mode()).toBe('connected');
    expect(store.canDial()).toBe(false);
  });

  it("hands back the server's reason when it cannot dial out", async () => {
    const { store, api } = setup([agent({ state: 'not_ready', reason: 'break' })]);
    api.dialRefusal = 'No SIP gateway is connected';
    const outcome = await store.dial('01088886666');
    expect(!outcome.ok && outcome.error).toMatchObject({
      status: 409,
      message: 'No SIP gateway is connected',
    });
    expect(store.agent()?.state).toBe('not_ready');
  });
});

describe('WorkspaceStore supervision notice', () => {
  it('tells the agent which supervisor is on the call', () => {
    const { store } = setup([
      onCall({ supervisors: [{ userId: 's-1', displayName: 'Zhao Supervisor', mode: 'whisper' }] }),
    ]);
    expect(store.supervision()?.mode).toBe('whisper');
  });
});
