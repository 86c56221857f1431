import type { HostHandlers } from '../../../agent-sdk/host';
import type {
  AgentInfo,
  AppToken,
  CallAction as SdkCallAction,
  CallInfo,
  QueueStats,
  Target,
} from '../../../agent-sdk/types';
import {
  AgentSelf,
  CallAction,
  ChosenState,
  TransferTarget,
} from '../../shared/api/acd-models';
import { Outcome } from '../../shared/api/outcome';
import { DTMF_KEYS, DtmfDigit } from '../../shared/voice/dtmf';
import { CallCommand, RecordingCommand } from '../agent-api';
import { ConsultCommand } from '../consult';
import { CCAgentError } from '../../../agent-sdk/errors';
import { apiToSdkError, noCall, notNow } from './sdk-errors';
import { sdkActions, SdkView } from './sdk-snapshot';

type Done = Promise<Outcome<AgentSelf>>;

/** The workspace actions and reads the SDK's methods map onto (the WorkspaceStore plus a few reads). */
export interface SdkWorkspace {
  agent(): AgentSelf | null;
  choices(): ReadonlySet<ChosenState>;
  canDial(): boolean;
  answer(): Done;
  hangUp(): Done;
  callCommand(name: CallCommand): Done;
  transfer(target: TransferTarget): Done;
  consult(userId: string): Done;
  consultCommand(name: ConsultCommand): Done;
  dial(number: string, queueId?: string): Done;
  sendDtmf(digit: DtmfDigit): Done;
  recording(action: RecordingCommand): Done;
  disposition(code: string, notes?: string): Done;
  setState(state: ChosenState, reason?: string | null): Done;
  /** The agent and call as apps see them now. */
  view(): SdkView;
  /** Live figures of the given queues (the agent's queues when omitted). */
  queueStats(queueIds?: readonly string[]): Promise<QueueStats[]>;
  /** Remembers where a call was transferred, for the `call.transferred` event. */
  transferred(callId: string, target: Target): void;
  /** A REST token for the app at this origin (absent where apps cannot have one). */
  appToken?(origin: string): Promise<AppToken>;
}

/** How long a `w` in DTMF digits waits. */
export const DTMF_PAUSE_MS = 500;

const KEYS: ReadonlySet<string> = new Set(DTMF_KEYS);

/** Our transfer body for an SDK target. */
export function transferTarget(target: Target): TransferTarget {
  switch (target.type) {
    case 'agent':
      return { target: 'agent', userId: target.agentId };
    case 'queue':
      return { target: 'queue', queueId: target.queueId };
    case 'number':
      return { target: 'number', number: target.number };
  }
}

/** Host handlers serving every SDK method with the workspace's own actions. */
export function sdkHandlers(ws: SdkWorkspace, wait = sleep): HostHandlers {
  /** The actions apps may take on the agent's call now. */
  const allowedNow = (): SdkCallAction[] => {
    const agent = ws.agent();
    return agent?.call ? sdkActions(agent, agent.call) : [];
  };
  /** The agent's call with this id, refused unless `action` is allowed on it now. */
  const callFor = (callId: string, action: CallAction): void => {
    const agent = ws.agent();
    const call = agent?.call;
    if (!agent || !call || call.id !== callId) throw noCall();
    if (!(call.allowedActions ?? []).includes(action)) throw notNow(sdkActions(agent, call));
  };
  /** Waits for a command; a refusal becomes the SDK's error. */
  const settle = async (done: Done): Promise<AgentSelf> => {
    const outcome = await done;
    if (!outcome.ok) throw apiToSdkError(outcome.error, allowedNow());
    return outcome.value;
  };
  const run = async (callId: string, action: CallAction, send: () => Done): Promise<void> => {
    callFor(callId, action);
    await settle(send());
  };
  const agentInfo = (): AgentInfo => {
    const agent = ws.view().agent;
    if (!agent) throw new CCAgentError('E_NOT_FOUND', 'The agent is not loaded yet.');
    return agent;
  };
  const currentCall = (): CallInfo => {
    const call = ws.view().call;
    if (!call) throw noCall();
    return call;
  };
  const changeState = async (state: ChosenState, reason?: string): Promise<AgentInfo> => {
    if (!ws.choices().has(state)) throw notNow(allowedNow());
    await settle(ws.setState(state, reason ?? null));
    return agentInfo();
  };

  return {
    'calls.answer': async ({ callId }) => {
      const agent = ws.agent();
      if (!agent || (agent.offer?.callId !== callId && agent.call?.id !== callId)) throw noCall();
      if (agent.offer?.callId !== callId) throw notNow(allowedNow());
      await settle(ws.answer());
    },
    'calls.hangup': ({ callId }) => run(callId, 'hangup', () => ws.hangUp()),
    'calls.hold': ({ callId }) => run(callId, 'hold', () => ws.callCommand('hold')),
    'calls.retrieve': ({ callId }) => run(callId, 'retrieve', () => ws.callCommand('retrieve')),
    'calls.mute': ({ callId }) => run(callId, 'mute', () => ws.callCommand('mute')),
    'calls.unmute': ({ callId }) => run(callId, 'unmute', () => ws.callCommand('unmute')),
    'calls.sendDtmf': async ({ callId, digits }) => {
      callFor(callId, 'dtmf');
      if ([...digits].some((d) => d !== 'w' && !KEYS.has(d))) {
        throw new CCAgentError('E_INVALID', 'Only 0-9, * , # and w are supported.', {
          field: 'digits',
        });
      }
      for (const digit of digits) {
        if (digit === 'w') await wait(DTMF_PAUSE_MS);
        else await settle(ws.sendDtmf(digit as DtmfDigit));
      }
    },
    'calls.transfer': async ({ callId, target }) => {
      await run(callId, 'transfer', () => ws.transfer(transferTarget(target)));
      ws.transferred(callId, target);
    },
    'calls.consult': async ({ callId, target }) => {
      if (target.type !== 'agent') {
        throw new CCAgentError('E_INVALID', 'Only agents can be consulted.', { field: 'target' });
      }
      await run(callId, 'consult', () => ws.consult(target.agentId));
      return currentCall();
    },
    'calls.completeTransfer': async ({ callId }) => {
      const consulted = ws.agent()?.call?.consult?.agentId ?? null;
      await run(callId, 'consult_complete', () => ws.consultCommand('complete'));
      if (consulted) ws.transferred(callId, { type: 'agent', agentId: consulted });
    },
    'calls.conference': ({ callId }) =>
      run(callId, 'consult_conference', () => ws.consultCommand('conference')),
    'calls.dial': async ({ to, queueId }) => {
      if (!ws.canDial()) throw notNow(allowedNow());
      await settle(ws.dial(to, queueId));
      return currentCall();
    },
    'calls.setDisposition': ({ callId, code, notes }) =>
      run(callId, 'disposition', () => ws.disposition(code, notes)),
    'calls.pauseRecording': ({ callId }) =>
      run(callId, 'record_pause', () => ws.recording('pause')),
    'calls.resumeRecording': ({ callId }) =>
      run(callId, 'record_resume', () => ws.recording('resume')),
    'calls.get': async ({ callId }) => {
      const call = ws.view().call;
      if (callId === undefined) return call;
      if (!call || call.id !== callId) throw noCall();
      return call;
    },
    'agent.setReady': () => changeState('ready'),
    'agent.setNotReady': ({ reasonCode }) => changeState('not_ready', reasonCode),
    'agent.get': async () => agentInfo(),
    'queues.getStats': ({ queueIds }) => ws.queueStats(queueIds),
    'auth.getAppToken': async (_params, app) => {
      if (!ws.appToken) throw new CCAgentError('E_UNSUPPORTED', 'This host does not issue app tokens.');
      return ws.appToken(app.origin);
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
