import { computed, effect, inject, untracked } from '@angular/core';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  withState,
} from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import {
  catchError,
  concatMap,
  distinctUntilChanged,
  firstValueFrom,
  from,
  Observable,
  of,
  pipe,
  switchMap,
  tap,
} from 'rxjs';
import { AgentSelf, ChosenState, TransferTarget, TransferTargets } from '../shared/api/acd-models';
import { ApiError } from '../shared/api/api-types';
import { Outcome, toOutcome } from '../shared/api/outcome';
import { withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { DtmfDigit } from '../shared/voice/dtmf';
import { sameListeners, VoiceError, VoiceFailure } from '../shared/voice/voice-models';
import { VoiceSession } from '../shared/voice/voice-session';
import { AgentApi, CallCommand, QueueName, RecordingCommand } from './agent-api';
import { AgentFeed } from './agent-feed';
import { activeCallId, callBarMode, canDial, stateChoices, stateRequest } from './call-bar-mode';
import { callControls, mediaCallId, wantsMicrophone } from './call-controls';
import {
  ConsultCommand,
  ConsultFrom,
  consultListeners,
  consultOfferFrom,
  consultView,
} from './consult';
import { supervisionNotice } from './supervision-notice';

interface WorkspaceState {
  readonly agent: AgentSelf | null;
  readonly queues: QueueName[];
  /** Why the call's audio is not working (null while it is, or when there is no call). */
  readonly mediaError: VoiceFailure | null;
  /** Keys sent with the keypad on the current call. */
  readonly digits: string;
  readonly transferTargets: TransferTargets | null;
  readonly transferTargetsError: ApiError | null;
  /** Who asked for the consultation the agent was last offered (its snapshot may not name them). */
  readonly consultFrom: ConsultFrom | null;
}

/** A command that cannot be sent because there is nothing to send it about. */
const nothingToDo = (): Outcome<AgentSelf> => ({
  ok: false,
  error: { status: 409, code: 'E_CONFLICT', message: '', fieldErrors: [], retryAfterSeconds: null },
});

/** State of the agent workspace: the agent's live state and the call bar's commands. */
export const WorkspaceStore = signalStore(
  withState<WorkspaceState>({
    agent: null,
    queues: [],
    mediaError: null,
    digits: '',
    transferTargets: null,
    transferTargetsError: null,
    consultFrom: null,
  }),
  withLoad(),
  withMutation(),
  withComputed((store) => ({
    mode: computed(() => callBarMode(store.agent())),
    choices: computed(() => stateChoices(store.agent())),
    queueName: computed(() => {
      const agent = store.agent();
      const id = agent?.call?.queueId;
      if (!id) return null;
      return (
        store.queues().find((queue) => queue.id === id)?.name ?? agent?.call?.queueName ?? null
      );
    }),
    controls: computed(() => callControls(store.agent()?.call)),
    /** The call whose media room the agent belongs in (null: none). */
    mediaCall: computed(() => mediaCallId(store.agent())),
    /** Whether the agent's microphone should be live now. */
    microphone: computed(() => wantsMicrophone(store.agent()?.call, store.agent()?.userId)),
    /** Who may hear the agent's microphone now (only the other agent during a consultation). */
    listeners: computed(() => consultListeners(store.agent()?.call), { equal: sameListeners }),
    /** The consultation on the agent's call, from the agent's side. */
    consultation: computed(() => consultView(store.agent(), store.consultFrom())),
    /** Who asks for a consultation, while the pending offer is one. */
    consultOffer: computed(() => consultOfferFrom(store.agent())),
    /** Supervisors the agent is told about. */
    supervision: computed(() => supervisionNotice(store.agent()?.call)),
    /** Whether the agent may place an outbound call now. */
    canDial: computed(() => canDial(store.agent())),
  })),
  withMethods(
    (store, api = inject(AgentApi), feed = inject(AgentFeed), voice = inject(VoiceSession)) => {
      /** Runs a command; its answer is the agent's new state. */
      const command = async (call: Observable<AgentSelf>): Promise<Outcome<AgentSelf>> => {
        const outcome = await store.mutate(call);
        if (outcome.ok) patchState(store, { agent: outcome.value });
        return outcome;
      };
      const failed = (error: ApiError) => patchState(store, { loading: false, loadError: error });
      /** Runs a command on the agent's current call. */
      const onCall = (send: (callId: string) => Observable<AgentSelf>) => {
        const callId = activeCallId(store.agent());
        return callId ? command(send(callId)) : Promise.resolve(nothingToDo());
      };
      const voiceFailure = (error: unknown): VoiceFailure =>
        error instanceof VoiceError ? error.failure : 'connect_failed';
      /**
       * Joins the call's room with the agent's grant, limits who hears the agent (consultation) and
       * then publishes the microphone unless held or muted.
       */
      const joinMedia = async (callId: string): Promise<void> => {
        patchState(store, { mediaError: null, digits: '' });
        try {
          const grant = await firstValueFrom(api.media(callId));
          if (mediaCallId(store.agent()) !== callId) return;
          await voice.connect(grant, {
            microphone: store.microphone(),
            listeners: store.listeners(),
          });
        } catch (error) {
          if (mediaCallId(store.agent()) === callId)
            patchState(store, { mediaError: voiceFailure(error) });
        }
      };
      /** Re-reads the agent's state once (after the media room closed under us). */
      const refresh = async (): Promise<void> => {
        const outcome = await firstValueFrom(toOutcome(api.me()));
        if (outcome.ok && !store.saving()) patchState(store, { agent: outcome.value });
      };
      return {
        watch: rxMethod<void>(
          pipe(
            tap(() => patchState(store, { loading: store.agent() === null })),
            switchMap(() => feed.watch()),
            tap((outcome) => {
              if (!outcome.ok) return failed(outcome.error);
              // A poll answered while a command runs may predate it: the command's answer wins.
              if (store.saving()) return;
              patchState(store, { agent: outcome.value, loading: false, loadError: null });
            }),
          ),
        ),
        loadQueues: rxMethod<void>(
          pipe(
            switchMap(() =>
              api.queueNames().pipe(
                tap((queues) => patchState(store, { queues })),
                // The queue name is a nicety: without it the call still shows.
                catchError(() => of(null)),
              ),
            ),
          ),
        ),
        setState(state: ChosenState, reason?: string | null): Promise<Outcome<AgentSelf>> {
          return command(api.setState(stateRequest(state, reason)));
        },
        answer(): Promise<Outcome<AgentSelf>> {
          const offer = store.agent()?.offer;
          if (!offer) return Promise.resolve(nothingToDo());
          // The consulted agent's snapshot may not name the initiator: the offer did.
          const from = store.consultOffer();
          if (from?.name) patchState(store, { consultFrom: from });
          return command(api.accept(offer.id));
        },
        decline(): Promise<Outcome<AgentSelf>> {
          const offer = store.agent()?.offer;
          return offer ? command(api.reject(offer.id)) : Promise.resolve(nothingToDo());
        },
        hangUp(): Promise<Outcome<AgentSelf>> {
          return onCall((callId) => api.hangUp(callId));
        },
        /** Hold, retrieve, mute or unmute: the server enforces the media, the microphone follows. */
        callCommand(name: CallCommand): Promise<Outcome<AgentSelf>> {
          return onCall((callId) => api.callCommand(callId, name));
        },
        transfer(target: TransferTarget): Promise<Outcome<AgentSelf>> {
          return onCall((callId) => api.transfer(callId, target));
        },
        /** Asks a ready colleague to join the call; the customer waits on hold meanwhile. */
        consult(userId: string): Promise<Outcome<AgentSelf>> {
          return onCall((callId) => api.consult(callId, userId));
        },
        /** Hands the call to the consulted agent, talks three-way, or ends the consultation. */
        consultCommand(name: ConsultCommand): Promise<Outcome<AgentSelf>> {
          return onCall((callId) => api.consultCommand(callId, name));
        },
        /** Places an outbound call to a number. */
        /** Dials out, on behalf of a queue when given (its caller id and statistics). */
        dial(number: string, queueId?: string): Promise<Outcome<AgentSelf>> {
          return command(api.dial(queueId ? { number, queueId } : { number }));
        },
        async sendDtmf(digit: DtmfDigit): Promise<Outcome<AgentSelf>> {
          patchState(store, { digits: (store.digits() + digit).slice(-32) });
          return onCall((callId) => api.sendDtmf(callId, digit));
        },
        recording(action: RecordingCommand): Promise<Outcome<AgentSelf>> {
          return onCall((callId) => api.recording(callId, action));
        },
        disposition(code: string, notes?: string): Promise<Outcome<AgentSelf>> {
          return onCall((callId) => api.disposition(callId, code, notes));
        },
        loadTransferTargets: rxMethod<void>(
          pipe(
            tap(() => patchState(store, { transferTargetsError: null })),
            switchMap(() => toOutcome(api.transferTargets())),
            tap((outcome) =>
              outcome.ok
                ? patchState(store, { transferTargets: outcome.value })
                : patchState(store, { transferTargetsError: outcome.error }),
            ),
          ),
        ),
        /** Joins (or leaves) the media room as the agent's call comes and goes, one change at a time. */
        followMedia: rxMethod<string | null>(
          pipe(
            distinctUntilChanged(),
            concatMap((callId) =>
              from(
                callId
                  ? joinMedia(callId)
                  : voice.disconnect().then(() => patchState(store, { mediaError: null })),
              ),
            ),
          ),
        ),
        /** Tries the call's audio again (after a failure or a lost connection). */
        async reconnectMedia(): Promise<void> {
          const callId = store.mediaCall();
          if (callId) await joinMedia(callId);
        },
        /** The media room closed on its own: the call may have ended, so look again. */
        mediaClosed: rxMethod<string>(
          pipe(
            tap(() => {
              if (store.mediaCall()) patchState(store, { mediaError: 'connect_failed' });
            }),
            concatMap(() => from(refresh())),
          ),
        ),
      };
    },
  ),
  withHooks({
    onInit(store) {
      const voice = inject(VoiceSession);
      store.watch();
      store.loadQueues();
      store.followMedia(store.mediaCall);
      store.mediaClosed(voice.closed);
      // During a consultation only the other agent may hear this browser; the room was joined with
      // that limit already, so this follows the changes (consult starts, becomes a conference, ends).
      effect(() => {
        const wanted = store.listeners();
        if (voice.state() !== 'connected' || sameListeners(voice.listeners(), wanted)) return;
        untracked(() => voice.allowListeners(wanted));
      });
      // The microphone mirrors hold and mute once the server answered (it enforces them itself).
      effect(() => {
        const wanted = store.microphone();
        if (voice.state() !== 'connected' || voice.micEnabled() === wanted) return;
        // Never speak before the consultation's limit is in place.
        if (wanted && !sameListeners(voice.listeners(), store.listeners())) return;
        if (store.mediaError()) return;
        untracked(() =>
          voice.setMicrophone(wanted).catch((error: unknown) =>
            patchState(store, {
              mediaError: error instanceof VoiceError ? error.failure : 'mic_unavailable',
            }),
          ),
        );
      });
    },
  }),
);
