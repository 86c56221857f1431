import { computed, inject } from '@angular/core';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  withState,
} from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, exhaustMap, forkJoin, of, pipe, switchMap, tap, timer } from 'rxjs';
import { toApiError } from '../shared/api/api-error';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { upsertById, withEditor } from '../shared/store/with-editor';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { Queue, QueueInput, QueuePerson, QueuesApi, QueueSkillInput, Skill } from './queues-api';

/** How often the table refreshes its waiting counts. */
export const QUEUES_REFRESH_MS = 5000;

interface QueuesState {
  readonly queues: Queue[];
  readonly skills: Skill[];
  /** Users the members picker offers, loaded the first time it opens. */
  readonly people: QueuePerson[];
  readonly peopleLoading: boolean;
  /** Queue whose members, or whose required skills, are being edited. */
  readonly membersOf: Queue | null;
  readonly skillsOf: Queue | null;
  readonly skillsPanelOpen: boolean;
}

const initialState: QueuesState = {
  queues: [],
  skills: [],
  people: [],
  peopleLoading: false,
  membersOf: null,
  skillsOf: null,
  skillsPanelOpen: false,
};

/** Sorts by name the way the API does, so a new entry lands where a reload would put it. */
const byName = <T extends { readonly name: string }>(list: T[]): T[] =>
  [...list].sort((a, b) => a.name.localeCompare(b.name));

/** State of the queues page, its drawers and the skills panel. */
export const QueuesStore = signalStore(
  withState(initialState),
  withLoad(),
  withMutation(),
  withEditor<Queue>(),
  withComputed((store) => ({
    queueNames: computed(() => new Map(store.queues().map((queue) => [queue.id, queue.name]))),
    peopleById: computed(() => new Map(store.people().map((person) => [person.id, person]))),
  })),
  withMethods((store, api = inject(QueuesApi), scheduler = inject(POLL_SCHEDULER)) => {
    /** Puts a queue the API answered into the table (and into an open editor). */
    const applyQueue = (queue: Queue): void =>
      patchState(store, { queues: byName(upsertById(store.queues(), queue)) });
    return {
      load: loadMethod(
        store,
        () => forkJoin({ queues: api.list(), skills: api.skills() }),
        ({ queues, skills }) => patchState(store, { queues, skills }),
      ),
      /** Re-reads the queues every few seconds; a failed refresh keeps what is shown. */
      keepFresh: rxMethod<void>(
        pipe(
          switchMap(() => timer(QUEUES_REFRESH_MS, QUEUES_REFRESH_MS, scheduler)),
          exhaustMap(() => api.list().pipe(catchError(() => of(null)))),
          tap((queues) => {
            if (queues) patchState(store, { queues });
          }),
        ),
      ),
      loadPeople: rxMethod<void>(
        pipe(
          tap(() => patchState(store, { peopleLoading: true })),
          switchMap(() =>
            api.people().pipe(
              tap((people) => patchState(store, { people, peopleLoading: false })),
              catchError((err: unknown) => {
                patchState(store, { peopleLoading: false, saveError: toApiError(err) });
                return of(null);
              }),
            ),
          ),
        ),
      ),
      openCreate(): void {
        patchState(store, { editing: 'new', saveError: null });
      },
      openEdit(queue: Queue): void {
        patchState(store, { editing: queue, saveError: null });
      },
      openMembers(queue: Queue): void {
        patchState(store, { membersOf: queue, saveError: null });
      },
      closeMembers(): void {
        patchState(store, { membersOf: null });
      },
      openSkills(queue: Queue): void {
        patchState(store, { skillsOf: queue, saveError: null });
      },
      closeSkills(): void {
        patchState(store, { skillsOf: null });
      },
      openSkillsPanel(): void {
        patchState(store, { skillsPanelOpen: true, saveError: null });
      },
      closeSkillsPanel(): void {
        patchState(store, { skillsPanelOpen: false });
      },
      async save(id: string | null, body: QueueInput) {
        const outcome = await store.mutate(id ? api.update(id, body) : api.create(body));
        if (outcome.ok) {
          applyQueue(outcome.value);
          patchState(store, { editing: null });
        }
        return outcome;
      },
      async saveMembers(queue: Queue, userIds: string[]) {
        const outcome = await store.mutate(api.setMembers(queue.id, userIds));
        if (outcome.ok) {
          applyQueue(outcome.value);
          patchState(store, { membersOf: null });
        }
        return outcome;
      },
      async saveSkills(queue: Queue, skills: QueueSkillInput[]) {
        const outcome = await store.mutate(api.setSkills(queue.id, skills));
        if (outcome.ok) {
          applyQueue(outcome.value);
          patchState(store, { skillsOf: null });
        }
        return outcome;
      },
      async createSkill(name: string) {
        const outcome = await store.mutate(api.createSkill(name));
        if (outcome.ok) patchState(store, { skills: byName([...store.skills(), outcome.value]) });
        return outcome;
      },
    };
  }),
  withComputed((store) => ({
    membersOpen: computed(() => store.membersOf() !== null),
    skillsOpen: computed(() => store.skillsOf() !== null),
  })),
  withHooks({
    onInit(store) {
      store.load();
      store.keepFresh();
    },
  }),
);
