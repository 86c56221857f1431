import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { loadMethod, withLoad } from '../../shared/store/with-load';
import { withMutation } from '../../shared/store/with-mutation';
import { VoiceApi, VoiceSettings } from '../voice-api';

interface VoiceSettingsState {
  readonly settings: VoiceSettings | null;
}

/** State of the voice settings page. */
export const VoiceSettingsStore = signalStore(
  withState<VoiceSettingsState>({ settings: null }),
  withLoad(),
  withMutation(),
  withMethods((store, api = inject(VoiceApi)) => ({
    load: loadMethod(
      store,
      () => api.settings(),
      (settings) => patchState(store, { settings }),
    ),
    async save(settings: VoiceSettings) {
      const outcome = await store.mutate(api.saveSettings(settings));
      if (outcome.ok) patchState(store, { settings: outcome.value });
      return outcome;
    },
  })),
  withHooks({
    onInit(store) {
      store.load();
    },
  }),
);
