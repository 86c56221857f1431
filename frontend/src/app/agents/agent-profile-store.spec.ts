import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable, of, Subject, throwError } from 'rxjs';
import { NEW_SKILL_LEVEL, AgentProfileStore } from './agent-profile-store';
import { AgentProfile, AgentSkillInput, AgentsApi, SkillChoice } from './agents-api';

const ada: AgentProfile = {
  userId: 'u-ada',
  displayName: 'Ada',
  email: 'ada@acme.test',
  skills: [{ skillId: 's-fr', name: 'French', level: 7 }],
  teams: [{ id: 't-night', name: 'Night shift' }],
  queues: [{ id: 'q-sales', name: 'Sales' }],
};

/** An AgentsApi answering from memory; `refuse` makes the next save answer 422 on one row. */
class FakeAgentsApi {
  profiles: Record<string, AgentProfile | Subject<AgentProfile>> = { 'u-ada': ada };
  catalogReads = 0;
  readonly saved: AgentSkillInput[][] = [];
  refuse: { field: string; message: string } | null = null;
  profile(id: string): Observable<AgentProfile> {
    const answer = this.profiles[id];
    if (!answer) return throwError(() => new HttpErrorResponse({ status: 404 }));
    return answer instanceof Subject ? answer : of(answer);
  }
  skills(): Observable<SkillChoice[]> {
    this.catalogReads++;
    return of([
      { id: 's-fr', name: 'French' },
      { id: 's-zh', name: 'Mandarin' },
      { id: 's-bill', name: 'Billing' },
    ]);
  }
  setSkills(_id: string, skills: AgentSkillInput[]): Observable<AgentSkillInput[]> {
    this.saved.push(skills);
    const refuse = this.refuse;
    if (refuse) {
      this.refuse = null;
      return throwError(
        () =>
          new HttpErrorResponse({
            status: 422,
            error: { errors: [{ field: refuse.field, rule: 'range', message: refuse.message }] },
          }),
      );
    }
    return of(skills);
  }
}

function setup() {
  const api = new FakeAgentsApi();
  TestBed.configureTestingModule({
    providers: [AgentProfileStore, { provide: AgentsApi, useValue: api }],
  });
  const store = TestBed.inject(AgentProfileStore);
  return { store, api };
}

describe('AgentProfileStore', () => {
  it('opens on an agent with their skills, teams and queues', () => {
    const { store, api } = setup();
    store.open({ userId: 'u-ada', displayName: 'Ada' }, true);
    expect(store.isOpen()).toBe(true);
    expect(store.profile()?.teams.map((t) => t.name)).toEqual(['Night shift']);
    expect(store.draft()).toEqual(ada.skills);
    expect(store.catalog().map((s) => s.name)).toEqual(['Billing', 'French', 'Mandarin']);
    expect(store.dirty()).toBe(false);
    expect(api.catalogReads).toBe(1);
  });

  it('does not read the skills catalogue for those who cannot edit', () => {
    const { store, api } = setup();
    store.open({ userId: 'u-ada', displayName: 'Ada' }, false);
    expect(store.profile()?.userId).toBe('u-ada');
    expect(api.catalogReads).toBe(0);
  });

  it('offers only skills the agent does not have, and adds one at the default level', () => {
    const { store } = setup();
    store.open({ userId: 'u-ada', displayName: 'Ada' }, true);
    expect(store.choices().map((s) => s.id)).toEqual(['s-bill', 's-zh']);
    store.addSkill('s-zh');
    store.addSkill('s-zh');
    expect(store.draft()).toEqual([
      { skillId: 's-fr', name: 'French', level: 7 },
      { skillId: 's-zh', name: 'Mandarin', level: NEW_SKILL_LEVEL },
    ]);
    expect(store.choices().map((s) => s.id)).toEqual(['s-bill']);
    expect(store.dirty()).toBe(true);
  });

  it('saves changed levels and removals, and stays open on the saved skills', async () => {
    const { store, api } = setup();
    store.open({ userId: 'u-ada', displayName: 'Ada' }, true);
    store.addSkill('s-bill');
    store.setLevel('s-bill', 9);
    store.removeSkill('s-fr');
    const outcome = await store.saveSkills();
    expect(outcome?.ok).toBe(true);
    expect(api.saved).toEqual([[{ skillId: 's-bill', level: 9 }]]);
    expect(store.profile()?.skills).toEqual([{ skillId: 's-bill', name: 'Billing', level: 9 }]);
    expect(store.dirty()).toBe(false);
    expect(store.isOpen()).toBe(true);
  });

  it('puts a refused level on the row it belongs to and keeps the draft', async () => {
    const { store, api } = setup();
    store.open({ userId: 'u-ada', displayName: 'Ada' }, true);
    store.addSkill('s-zh');
    api.refuse = { field: 'skills.1.level', message: 'Must be at most 10' };
    const outcome = await store.saveSkills();
    expect(outcome?.ok).toBe(false);
    expect(store.rowErrors().get('s-zh')).toBe('Must be at most 10');
    expect(store.otherErrors()).toEqual([]);
    expect(store.draft()).toHaveLength(2);
    expect(store.profile()?.skills).toEqual(ada.skills);
  });

  it('lists an error that names no row apart', async () => {
    const { store, api } = setup();
    store.open({ userId: 'u-ada', displayName: 'Ada' }, true);
    store.setLevel('s-fr', 3);
    api.refuse = { field: 'skills', message: 'Unknown skill' };
    await store.saveSkills();
    expect(store.rowErrors().size).toBe(0);
    expect(store.otherErrors()).toEqual(['Unknown skill']);
  });

  it('undoes unsaved changes', () => {
    const { store } = setup();
    store.open({ userId: 'u-ada', displayName: 'Ada' }, true);
    store.removeSkill('s-fr');
    store.revert();
    expect(store.draft()).toEqual(ada.skills);
    expect(store.dirty()).toBe(false);
  });

  it('shows the latest agent when another row is opened before the first answer', () => {
    const { store, api } = setup();
    const slow = new Subject<AgentProfile>();
    api.profiles['u-bob'] = slow;
    store.open({ userId: 'u-bob', displayName: 'Bob' }, true);
    expect(store.loading()).toBe(true);
    store.open({ userId: 'u-ada', displayName: 'Ada' }, true);
    slow.next({ ...ada, userId: 'u-bob', displayName: 'Bob', skills: [] });
    expect(store.profile()?.userId).toBe('u-ada');
    expect(store.subject()?.displayName).toBe('Ada');
  });

  it('reports a profile that cannot be read, and closes', () => {
    const { store } = setup();
    store.open({ userId: 'u-gone', displayName: 'Gone' }, true);
    expect(store.loadError()?.status).toBe(404);
    expect(store.profile()).toBeNull();
    store.close();
    expect(store.isOpen()).toBe(false);
  });
});
