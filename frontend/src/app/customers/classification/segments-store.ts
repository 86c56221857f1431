import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, debounceTime, map, of, pipe, switchMap, tap } from 'rxjs';
import { toApiError } from '../../shared/api/api-error';
import { ApiError } from '../../shared/api/api-types';
import { DEBOUNCE_SCHEDULER } from '../../shared/store/schedulers';
import { upsertById, withEditor } from '../../shared/store/with-editor';
import { loadMethod, withLoad } from '../../shared/store/with-load';
import { withMutation } from '../../shared/store/with-mutation';
import { ClassificationApi, Segment, SegmentInput, SegmentRules } from './classification-api';

interface SegmentsState {
  readonly segments: Segment[];
  /** Members the rules being edited match now (null: not counted yet). */
  readonly previewCount: number | null;
  readonly previewError: ApiError | null;
}

const byName = (rows: readonly Segment[]) => [...rows].sort((a, b) => a.name.localeCompare(b.name));

/** State of the segments page: saved segments with live counts, the editor and its live count. */
export const SegmentsStore = signalStore(
  withState<SegmentsState>({ segments: [], previewCount: null, previewError: null }),
  withLoad(),
  withMutation(),
  withEditor<Segment>(),
  withMethods((store, api = inject(ClassificationApi), scheduler = inject(DEBOUNCE_SCHEDULER)) => ({
    load: loadMethod(
      store,
      () => api.segments(),
      (segments) => patchState(store, { segments: byName(segments) }),
    ),
    openCreate(): void {
      patchState(store, {
        editing: 'new',
        saveError: null,
        previewCount: null,
        previewError: null,
      });
    },
    openEdit(segment: Segment): void {
      patchState(store, {
        editing: segment,
        saveError: null,
        previewCount: segment.memberCount,
        previewError: null,
      });
    },
    async save(id: string | null, input: SegmentInput) {
      const outcome = await store.mutate(
        id ? api.updateSegment(id, input) : api.createSegment(input),
      );
      if (outcome.ok)
        patchState(store, {
          segments: byName(upsertById(store.segments(), outcome.value)),
          editing: null,
        });
      return outcome;
    },
    async remove(segment: Segment) {
      const outcome = await store.mutate(api.removeSegment(segment.id));
      if (outcome.ok)
        patchState(store, { segments: store.segments().filter((s) => s.id !== segment.id) });
      return outcome;
    },
    /** Counts the members of rules being edited once typing pauses; a newer call cancels an older one. */
    preview: rxMethod<SegmentRules>(
      pipe(
        debounceTime(400, scheduler),
        switchMap((rules) =>
          api.preview(rules).pipe(
            map((count) => ({ count, error: null as ApiError | null })),
            catchError((err: unknown) => of({ count: null, error: toApiError(err) })),
          ),
        ),
        tap(({ count, error }) => patchState(store, { previewCount: count, previewError: error })),
      ),
    ),
  })),
  withHooks({
    onInit(store) {
      store.load();
    },
  }),
);
