import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { catchError, forkJoin, of } from 'rxjs';
import { FieldError } from '../shared/api/api-types';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { AgentProfile, AgentSkill, AgentSkillInput, AgentsApi, SkillChoice } from './agents-api';

/** Level a newly added skill starts at, for the supervisor to adjust. */
export const NEW_SKILL_LEVEL = 5;

/** Whose profile the drawer shows, as the agents table knows them. */
export interface ProfileSubject {
  readonly userId: string;
  readonly displayName: string;
}

interface AgentProfileState {
  /** The agent whose drawer is open; null when it is closed. */
  readonly subject: ProfileSubject | null;
  readonly profile: AgentProfile | null;
  /** The organisation's skills the picker offers (loaded only for those who may edit). */
  readonly catalog: SkillChoice[];
  /** The skills being edited, in the order shown. */
  readonly draft: AgentSkill[];
  /** Skill ids in the order of the last save, to put a 422 on the row it belongs to. */
  readonly sentSkillIds: string[];
}

const initialState: AgentProfileState = {
  subject: null,
  profile: null,
  catalog: [],
  draft: [],
  sentSkillIds: [],
};

/** Sorts by name the way the API does. */
const byName = <T extends { readonly name: string }>(list: T[]): T[] =>
  [...list].sort((a, b) => a.name.localeCompare(b.name));

/** The index of the skill a field error names (`skills.2.level` → 2), or null. */
function rowIndex(error: FieldError): number | null {
  const match = /^skills\.(\d+)(\.|$)/.exec(error.field);
  return match ? Number(match[1]) : null;
}

/** State of the agent-profile drawer: the profile, and the skills draft a queue admin edits. */
export const AgentProfileStore = signalStore(
  withState(initialState),
  withLoad(),
  withMutation(),
  withComputed((store) => ({
    isOpen: computed(() => store.subject() !== null),
    /** Skills of the catalogue the agent does not have yet in the draft. */
    choices: computed(() => {
      const taken = new Set(store.draft().map((skill) => skill.skillId));
      return store.catalog().filter((skill) => !taken.has(skill.id));
    }),
    /** Whether the draft differs from what the server holds. */
    dirty: computed(() => {
      const saved = store.profile()?.skills ?? [];
      const draft = store.draft();
      const key = (list: readonly AgentSkill[]) =>
        list
          .map((s) => `${s.skillId}:${s.level}`)
          .sort()
          .join(',');
      return key(saved) !== key(draft);
    }),
    /** Messages of a refused save, by the skill id of the row they belong to. */
    rowErrors: computed(() => {
      const errors = new Map<string, string>();
      for (const error of store.saveError()?.fieldErrors ?? []) {
        const index = rowIndex(error);
        const skillId = index === null ? undefined : store.sentSkillIds()[index];
        if (skillId && !errors.has(skillId)) errors.set(skillId, error.message);
      }
      return errors;
    }),
    /** Messages of a refused save that no row can show. */
    otherErrors: computed(() =>
      (store.saveError()?.fieldErrors ?? [])
        .filter((error) => {
          const index = rowIndex(error);
          return index === null || !store.sentSkillIds()[index];
        })
        .map((error) => error.message),
    ),
  })),
  withMethods((store, api = inject(AgentsApi)) => {
    const load = loadMethod(
      store,
      ({ userId, editable }: { userId: string; editable: boolean }) =>
        forkJoin({
          profile: api.profile(userId),
          // The picker is a convenience: without the catalogue the profile still shows.
          catalog: editable ? api.skills().pipe(catchError(() => of([]))) : of([]),
        }),
      ({ profile, catalog }) =>
        patchState(store, { profile, catalog: byName(catalog), draft: profile.skills }),
    );
    return {
      /** Opens the drawer on an agent and reads their profile (and the skills catalogue when editable). */
      open(subject: ProfileSubject, editable: boolean): void {
        patchState(store, {
          subject,
          profile: null,
          draft: [],
          sentSkillIds: [],
          saveError: null,
          loadError: null,
        });
        load({ userId: subject.userId, editable });
      },
      close(): void {
        patchState(store, { subject: null, saveError: null });
      },
      addSkill(skillId: string): void {
        const skill = store.catalog().find((s) => s.id === skillId);
        if (!skill || store.draft().some((s) => s.skillId === skillId)) return;
        patchState(store, {
          draft: byName([...store.draft(), { skillId, name: skill.name, level: NEW_SKILL_LEVEL }]),
        });
      },
      removeSkill(skillId: string): void {
        patchState(store, { draft: store.draft().filter((s) => s.skillId !== skillId) });
      },
      setLevel(skillId: string, level: number): void {
        patchState(store, {
          draft: store.draft().map((s) => (s.skillId === skillId ? { ...s, level } : s)),
        });
      },
      /** Puts back the skills the server holds. */
      revert(): void {
        patchState(store, { draft: store.profile()?.skills ?? [], saveError: null });
      },
      /** Saves the draft (null when no drawer is open); the drawer stays open on the saved skills. */
      async saveSkills() {
        const subject = store.subject();
        if (!subject) return null;
        const draft = store.draft();
        const body: AgentSkillInput[] = draft.map(({ skillId, level }) => ({ skillId, level }));
        patchState(store, { sentSkillIds: body.map((s) => s.skillId) });
        const outcome = await store.mutate(api.setSkills(subject.userId, body));
        const profile = store.profile();
        if (outcome.ok && profile && store.subject()?.userId === subject.userId) {
          const names = new Map(draft.map((s) => [s.skillId, s.name]));
          const skills = byName(
            outcome.value.map((s) => ({ ...s, name: names.get(s.skillId) ?? s.skillId })),
          );
          patchState(store, { profile: { ...profile, skills }, draft: skills });
        }
        return outcome;
      },
    };
  }),
);
