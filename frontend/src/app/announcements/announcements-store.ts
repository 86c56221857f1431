import { computed, inject } from '@angular/core';
import { Store } from '@ngrx/store';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  withState,
} from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, of, pipe, switchMap, tap } from 'rxjs';
import { authFeature } from '../auth/auth.reducer';
import { EMPTY_META, PageMeta } from '../shared/api/api-types';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import {
  Acknowledgement,
  Announcement,
  AnnouncementInput,
  AnnouncementsApi,
  TeamOption,
} from './announcements-api';

interface AnnouncementsState {
  readonly announcements: Announcement[];
  readonly meta: PageMeta;
  readonly teams: TeamOption[];
  readonly composing: boolean;
  /** The announcement whose acknowledgements are shown, and them. */
  readonly acksOf: Announcement | null;
  readonly acks: Acknowledgement[];
  readonly acksLoading: boolean;
}

const initialState: AnnouncementsState = {
  announcements: [],
  meta: EMPTY_META,
  teams: [],
  composing: false,
  acksOf: null,
  acks: [],
  acksLoading: false,
};

/** The supervisors' announcements page: the list with counts, composing, who acknowledged. */
export const AnnouncementsStore = signalStore(
  withState(initialState),
  withLoad(),
  withMutation(),
  withComputed((store) => ({
    acknowledged: computed(() => store.acks().filter((a) => a.acknowledgedAt)),
    pending: computed(() => store.acks().filter((a) => !a.acknowledgedAt)),
  })),
  withMethods((store, api = inject(AnnouncementsApi), session = inject(Store)) => ({
    load: loadMethod(
      store,
      (page: number) => api.list(page),
      ({ data, meta }) => patchState(store, { announcements: data, meta }),
    ),
    loadTeams: rxMethod<void>(
      pipe(
        switchMap(() =>
          api
            .teams(session.selectSignal(authFeature.selectPermissionSet)().has('teams.view'))
            .pipe(catchError(() => of([] as TeamOption[]))),
        ),
        tap((teams) => patchState(store, { teams })),
      ),
    ),
    openCompose(): void {
      patchState(store, { composing: true, saveError: null });
    },
    closeCompose(): void {
      patchState(store, { composing: false });
    },
    async publish(body: AnnouncementInput) {
      const outcome = await store.mutate(api.publish(body));
      if (outcome.ok) {
        patchState(store, {
          composing: false,
          announcements: [outcome.value, ...store.announcements()],
          meta: { ...store.meta(), total: store.meta().total + 1 },
        });
      }
      return outcome;
    },
    async withdraw(announcement: Announcement) {
      const outcome = await store.mutate(api.withdraw(announcement.id));
      if (outcome.ok) {
        patchState(store, {
          announcements: store.announcements().filter((a) => a.id !== announcement.id),
          meta: { ...store.meta(), total: Math.max(0, store.meta().total - 1) },
        });
      }
      return outcome;
    },
    showAcks: rxMethod<Announcement>(
      pipe(
        tap((announcement) =>
          patchState(store, { acksOf: announcement, acks: [], acksLoading: true }),
        ),
        switchMap((announcement) =>
          api.acknowledgements(announcement.id).pipe(catchError(() => of([] as Acknowledgement[]))),
        ),
        tap((acks) => patchState(store, { acks, acksLoading: false })),
      ),
    ),
    closeAcks(): void {
      patchState(store, { acksOf: null, acks: [] });
    },
  })),
  withHooks({
    onInit(store) {
      store.load(1);
      store.loadTeams();
    },
  }),
);
