import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { Observable, pipe, switchMap, tap } from 'rxjs';
import { AgentSelf, CallDetail, CallSummary } from '../shared/api/acd-models';
import { Outcome } from '../shared/api/outcome';
import { withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { VoiceError, VoiceFailure } from '../shared/voice/voice-models';
import { VoiceSession } from '../shared/voice/voice-session';
import { CallsApi } from './calls-api';
import { CallsFeed } from './calls-feed';
import { Supervising } from './supervision';

interface LiveCallsState {
  readonly calls: CallSummary[];
  /** Whether the first answer has arrived (later reads do not show the spinner). */
  readonly loaded: boolean;
  readonly supervising: Supervising | null;
  /** Why the supervisor's audio failed (null while it works). */
  readonly mediaError: VoiceFailure | null;
  /** The call a command is running on. */
  readonly busyCallId: string | null;
}

/** Outcome of a supervision command that changed nothing because the voice part failed. */
const voiceFailed = <T>(error: unknown): Outcome<T> => ({
  ok: false,
  error: {
    status: 0,
    code: 'E_VOICE',
    message: error instanceof Error ? error.message : String(error),
    fieldErrors: [],
    retryAfterSeconds: null,
  },
});

/**
 * State of the supervisors' live calls: the list (pushed by the wallboard channel) and this
 * supervisor's presence on one call — monitor joins hidden and listen-only; whisper lets only the
 * agent subscribe before the microphone is published; barge lets everyone hear.
 */
export const LiveCallsStore = signalStore(
  withState<LiveCallsState>({
    calls: [],
    loaded: false,
    supervising: null,
    mediaError: null,
    busyCallId: null,
  }),
  withLoad(),
  withMutation(),
  withMethods(
    (store, api = inject(CallsApi), feed = inject(CallsFeed), voice = inject(VoiceSession)) => {
      /** Runs one command on a call, marking the row busy; voice failures land in `mediaError`. */
      const onCall = async <T>(callId: string, steps: () => Promise<Outcome<T>>) => {
        patchState(store, { busyCallId: callId, mediaError: null });
        try {
          return await steps();
        } catch (error) {
          if (!(error instanceof VoiceError)) throw error;
          patchState(store, { mediaError: error.failure });
          return voiceFailed<T>(error);
        } finally {
          patchState(store, { busyCallId: null });
        }
      };
      const send = <T>(call: Observable<T>) => store.mutate(call);
      const forget = async () => {
        await voice.disconnect();
        patchState(store, { supervising: null });
      };
      /** Monitor: join the room hidden and listen-only (or drop the microphone when already in it). */
      const monitor = async (callId: string): Promise<Outcome<unknown>> => {
        const current = store.supervising();
        if (current && current.callId !== callId) {
          await store.mutate(api.leave(current.callId));
          await forget();
        }
        const outcome = await send(api.monitor(callId));
        if (!outcome.ok) return outcome;
        if (voice.roomName() === outcome.value.join.room) await voice.stopMicrophone();
        else await voice.connect(outcome.value.join);
        patchState(store, { supervising: { callId, mode: 'monitor' } });
        return outcome;
      };
      /** Whisper and barge start from a monitor connection. */
      const joined = async (callId: string): Promise<Outcome<unknown>> =>
        store.supervising()?.callId === callId && voice.state() !== 'none'
          ? { ok: true, value: null }
          : monitor(callId);
      return {
        watch: rxMethod<void>(
          pipe(
            tap(() => patchState(store, { loading: !store.loaded() })),
            switchMap(() => feed.watch()),
            tap((outcome) => {
              if (!outcome.ok)
                return patchState(store, { loading: false, loadError: outcome.error });
              patchState(store, {
                calls: outcome.value,
                loaded: true,
                loading: false,
                loadError: null,
              });
              // The call we listen to is over: leave its room.
              const current = store.supervising();
              if (current && !outcome.value.some((call) => call.id === current.callId))
                void forget();
            }),
          ),
        ),
        monitor(call: CallSummary): Promise<Outcome<unknown>> {
          return onCall(call.id, () => monitor(call.id));
        },
        /** Only the agent may subscribe, set before the microphone is published. */
        whisper(call: CallSummary): Promise<Outcome<unknown>> {
          return onCall(call.id, async () => {
            const ready = await joined(call.id);
            if (!ready.ok) return ready;
            const outcome = await send(api.whisper(call.id));
            if (!outcome.ok) return outcome;
            voice.allowListeners([outcome.value.onlyTo]);
            patchState(store, { supervising: { callId: call.id, mode: 'whisper' } });
            await voice.setMicrophone(true);
            return outcome;
          });
        },
        barge(call: CallSummary): Promise<Outcome<unknown>> {
          return onCall(call.id, async () => {
            const ready = await joined(call.id);
            if (!ready.ok) return ready;
            const outcome = await send(api.barge(call.id));
            if (!outcome.ok) return outcome;
            voice.allowListeners('everyone');
            patchState(store, { supervising: { callId: call.id, mode: 'barge' } });
            await voice.setMicrophone(true);
            return outcome;
          });
        },
        /** Takes the call over: the supervisor leaves as supervisor and becomes the call's agent. */
        intercept(call: CallSummary): Promise<Outcome<AgentSelf>> {
          return onCall(call.id, async () => {
            const outcome = await send(api.intercept(call.id));
            if (outcome.ok) await forget();
            return outcome;
          });
        },
        leave(): Promise<Outcome<unknown>> {
          const current = store.supervising();
          if (!current) return Promise.resolve({ ok: true, value: null });
          return onCall(current.callId, async () => {
            const outcome = await send(api.leave(current.callId));
            // Leave the room even when the server already forgot us.
            await forget();
            return outcome;
          });
        },
        /** Force hang-up of the whole call. */
        release(call: CallSummary): Promise<Outcome<CallDetail>> {
          return onCall(call.id, async () => {
            const outcome = await send(api.release(call.id));
            if (outcome.ok && store.supervising()?.callId === call.id) await forget();
            if (outcome.ok)
              patchState(store, { calls: store.calls().filter((row) => row.id !== call.id) });
            return outcome;
          });
        },
        /** The room closed on its own (call over, removed): nothing to supervise any more. */
        roomClosed: rxMethod<string>(pipe(tap(() => patchState(store, { supervising: null })))),
      };
    },
  ),
  withHooks({
    onInit(store) {
      store.watch();
      store.roomClosed(inject(VoiceSession).closed);
    },
  }),
);
