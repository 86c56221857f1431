import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { loadMethod, withLoad } from '../../shared/store/with-load';
import { withMutation } from '../../shared/store/with-mutation';
import { Prompt, PromptUpload, VoiceApi } from '../voice-api';

/** Largest WAV the API accepts. */
export const MAX_PROMPT_BYTES = 10 * 1024 * 1024;

interface PromptsState {
  readonly prompts: Prompt[];
  readonly uploadOpen: boolean;
}

/** Own prompts first, each group by name. */
export function promptOrder(list: readonly Prompt[]): Prompt[] {
  return [...list].sort(
    (a, b) => Number(a.builtIn) - Number(b.builtIn) || a.name.localeCompare(b.name),
  );
}

/** Why a file can't be uploaded as a prompt (a translation key), or null when it may be tried. */
export function promptFileProblem(file: Pick<File, 'name' | 'size' | 'type'>): string | null {
  const wav = /\.wav$/i.test(file.name) || /^audio\/(x-)?wav$/i.test(file.type);
  if (!wav) return 'voice.prompts.notWav';
  if (file.size > MAX_PROMPT_BYTES) return 'voice.prompts.tooLarge';
  if (file.size === 0) return 'voice.prompts.emptyFile';
  return null;
}

/** State of the prompts page and its upload drawer. */
export const PromptsStore = signalStore(
  withState<PromptsState>({ prompts: [], uploadOpen: false }),
  withLoad(),
  withMutation(),
  withMethods((store, api = inject(VoiceApi)) => ({
    load: loadMethod(
      store,
      () => api.prompts(),
      (prompts) => patchState(store, { prompts: promptOrder(prompts) }),
    ),
    openUpload(): void {
      patchState(store, { uploadOpen: true, saveError: null });
    },
    closeUpload(): void {
      patchState(store, { uploadOpen: false });
    },
    async upload(upload: PromptUpload) {
      const outcome = await store.mutate(api.uploadPrompt(upload));
      if (outcome.ok) {
        patchState(store, {
          uploadOpen: false,
          prompts: promptOrder([...store.prompts(), outcome.value]),
        });
      }
      return outcome;
    },
    async remove(prompt: Prompt) {
      const outcome = await store.mutate(api.removePrompt(prompt.id));
      if (outcome.ok) {
        patchState(store, { prompts: store.prompts().filter((row) => row.id !== prompt.id) });
      }
      return outcome;
    },
  })),
  withHooks({
    onInit(store) {
      store.load();
    },
  }),
);
