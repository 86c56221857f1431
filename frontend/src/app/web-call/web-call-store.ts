import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { firstValueFrom, pipe, tap } from 'rxjs';
import { toApiError } from '../shared/api/api-error';
import { ApiError } from '../shared/api/api-types';
import { Locale } from '../shared/api/models';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { DtmfDigit } from '../shared/voice/dtmf';
import { VoiceError } from '../shared/voice/voice-models';
import { VoiceSession } from '../shared/voice/voice-session';
import { WebCallApi, WebCallEntry, WebCallStart } from './web-call-api';
import {
  canStartCall,
  endOfCall,
  WebCallEnd,
  WebCallFailure,
  WebCallState,
} from './web-call-state';

interface WebCallStoreState {
  readonly key: string | null;
  readonly entry: WebCallEntry | null;
  readonly entryLoading: boolean;
  readonly entryError: ApiError | null;
  readonly callState: WebCallState;
  readonly callId: string | null;
  readonly failure: WebCallFailure | null;
  /** The server's message when it refused the call. */
  readonly failureMessage: string | null;
  readonly end: WebCallEnd | null;
  readonly connectedAt: number | null;
  readonly endedAt: number | null;
  readonly digits: string;
  readonly muted: boolean;
}

const initial: WebCallStoreState = {
  key: null,
  entry: null,
  entryLoading: false,
  entryError: null,
  callState: 'idle',
  callId: null,
  failure: null,
  failureMessage: null,
  end: null,
  connectedAt: null,
  endedAt: null,
  digits: '',
  muted: false,
};

/** State of the public web-call widget: the entry point, then one call at a time through the voice session. */
/** What the visitor tells about themselves before calling (both optional). */
export interface WebCaller {
  readonly name?: string;
  /** As typed; the server reads it with the organisation's country. */
  readonly phone?: string;
}

/** The start request: the language and whatever the visitor filled in, trimmed; blanks left out. */
export function startBody(language: Locale, caller: WebCaller): WebCallStart {
  const name = caller.name?.trim();
  const phone = caller.phone?.trim();
  return { language, ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
}

export const WebCallStore = signalStore(
  withState<WebCallStoreState>(initial),
  withMethods(
    (
      store,
      api = inject(WebCallApi),
      voice = inject(VoiceSession),
      scheduler = inject(POLL_SCHEDULER),
    ) => {
      const fail = async (failure: WebCallFailure, message: string | null = null) => {
        await voice.disconnect();
        patchState(store, {
          callState: 'failed',
          failure,
          failureMessage: message,
          endedAt: scheduler.now(),
        });
      };
      return {
        async load(key: string): Promise<void> {
          patchState(store, { key, entryLoading: true, entryError: null });
          try {
            const entry = await firstValueFrom(api.entry(key));
            patchState(store, { entry, entryLoading: false });
          } catch (error) {
            patchState(store, { entryLoading: false, entryError: toApiError(error) });
          }
        },
        /** Asks for the microphone, starts the call, joins its room and publishes the microphone. */
        async call(language: Locale, caller: WebCaller = {}): Promise<void> {
          const key = store.key();
          if (!key || !canStartCall(store.callState())) return;
          patchState(store, {
            ...initial,
            key,
            entry: store.entry(),
            callState: 'connecting',
          });
          try {
            await voice.checkMicrophone();
          } catch (error) {
            return fail(error instanceof VoiceError ? error.failure : 'mic_unavailable');
          }
          if (store.callState() !== 'connecting') return;
          let started;
          try {
            started = await firstValueFrom(api.start(key, startBody(language, caller)));
          } catch (error) {
            const refusal = toApiError(error);
            const phone = refusal.fieldErrors.some((e) => e.field === 'phone');
            return fail(phone ? 'phone' : 'server', refusal.message);
          }
          // Hung up while waiting: the call is never joined and times out on the server.
          if (store.callState() !== 'connecting') return;
          patchState(store, { callId: started.callId });
          try {
            await voice.connect(started.join, { microphone: true });
          } catch (error) {
            if (store.callState() !== 'connecting') return;
            return fail(error instanceof VoiceError ? error.failure : 'connect_failed');
          }
          if (store.callState() !== 'connecting') return voice.disconnect();
          patchState(store, { callState: 'connected', connectedAt: scheduler.now() });
        },
        /** Leaves the room, which ends the call. */
        async hangUp(): Promise<void> {
          const state = store.callState();
          if (state !== 'connected' && state !== 'connecting') return;
          patchState(store, { callState: 'ended', end: 'hung_up', endedAt: scheduler.now() });
          await voice.disconnect();
        },
        /** The room closed on its own: the call ended (or the network dropped). */
        roomClosed: rxMethod<string>(
          pipe(
            tap((reason) => {
              const state = store.callState();
              if (state !== 'connected' && state !== 'connecting') return;
              patchState(store, {
                callState: 'ended',
                end: endOfCall(reason),
                endedAt: scheduler.now(),
              });
            }),
          ),
        ),
        async toggleMute(): Promise<void> {
          if (store.callState() !== 'connected') return;
          const muted = !store.muted();
          await voice.setMicrophone(!muted);
          patchState(store, { muted });
        },
        async press(digit: DtmfDigit): Promise<void> {
          if (store.callState() !== 'connected') return;
          patchState(store, { digits: (store.digits() + digit).slice(-32) });
          await voice.sendDtmf(digit);
        },
        /** Back to the start screen after a call. */
        reset(): void {
          if (!canStartCall(store.callState())) return;
          patchState(store, { ...initial, key: store.key(), entry: store.entry() });
        },
      };
    },
  ),
  withHooks({
    onInit(store) {
      store.roomClosed(inject(VoiceSession).closed);
    },
  }),
);
