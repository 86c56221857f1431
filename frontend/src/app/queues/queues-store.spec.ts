import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { Observable, of, throwError, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { Queue, QueueInput, QueuePerson, QueuesApi, QueueSkillInput, Skill } from './queues-api';
import { QUEUES_REFRESH_MS, QueuesStore } from './queues-store';
import { overflowOf } from './queue-drawer/queue-drawer';

const queue = (id: string, name: string, extra: Partial<Queue> = {}): Queue => ({
  id,
  name,
  strategy: 'longest_idle',
  priority: 0,
  serviceLevelSeconds: 20,
  wrapUpSeconds: 10,
  offerTimeoutSeconds: 15,
  relaxAfterSeconds: null,
  overflowAfterSeconds: null,
  overflowQueueId: null,
  overflowAction: 'queue',
  recordingMode: null,
  skills: [],
  memberIds: [],
  waiting: 0,
  oldestQueuedAt: null,
  ...extra,
});

/** A QueuesApi answering from memory; `lists` is what each GET /queues answers in turn. */
class FakeQueuesApi {
  lists: Queue[][] = [[queue('q-sales', 'Sales')]];
  listCalls = 0;
  failNextList = false;
  readonly saved: QueueInput[] = [];
  list(): Observable<Queue[]> {
    this.listCalls++;
    if (this.failNextList) {
      this.failNextList = false;
      return throwError(() => new HttpErrorResponse({ status: 500 }));
    }
    return of(this.lists.length > 1 ? this.lists.shift()! : this.lists[0]!);
  }
  skills(): Observable<Skill[]> {
    return of([{ id: 's-fr', name: 'French' }]);
  }
  create(body: QueueInput): Observable<Queue> {
    this.saved.push(body);
    return of(queue('q-new', body.name, body));
  }
  update(id: string, body: QueueInput): Observable<Queue> {
    this.saved.push(body);
    return of(queue(id, body.name, body));
  }
  setMembers(id: string, userIds: string[]): Observable<Queue> {
    return of(queue(id, 'Sales', { memberIds: userIds }));
  }
  setSkills(id: string, skills: QueueSkillInput[]): Observable<Queue> {
    return of(queue(id, 'Sales', { skills: skills.map((s) => ({ ...s, name: 'French' })) }));
  }
  createSkill(name: string): Observable<Skill> {
    if (name === 'French') {
      return throwError(
        () =>
          new HttpErrorResponse({
            status: 422,
            error: { errors: [{ field: 'name', rule: 'unique', message: 'Already exists' }] },
          }),
      );
    }
    return of({ id: 's-new', name });
  }
  people(): Observable<QueuePerson[]> {
    return of([{ id: 'u-ada', displayName: 'Ada', email: 'ada@acme.test' }]);
  }
}

function setup(maxFrames = Number.POSITIVE_INFINITY) {
  const api = new FakeQueuesApi();
  const scheduler = new VirtualTimeScheduler(VirtualAction, maxFrames);
  TestBed.configureTestingModule({
    providers: [
      QueuesStore,
      { provide: QueuesApi, useValue: api },
      { provide: POLL_SCHEDULER, useValue: scheduler },
    ],
  });
  const store = TestBed.inject(QueuesStore);
  TestBed.tick();
  return { store, api, scheduler };
}

const input: QueueInput = {
  name: 'Billing',
  strategy: 'most_skilled',
  priority: 10,
  serviceLevelSeconds: 30,
  wrapUpSeconds: 15,
  offerTimeoutSeconds: 20,
  relaxAfterSeconds: 60,
  overflowAfterSeconds: null,
  overflowQueueId: null,
  overflowAction: 'queue',
  recordingMode: 'always',
};

describe('QueuesStore', () => {
  it('loads the queues and the skills when the page opens', () => {
    const { store } = setup();
    expect(store.queues().map((q) => q.name)).toEqual(['Sales']);
    expect(store.skills()).toEqual([{ id: 's-fr', name: 'French' }]);
    expect(store.loading()).toBe(false);
  });

  it('refreshes the waiting counts every few seconds', () => {
    const { store, api, scheduler } = setup(QUEUES_REFRESH_MS * 2);
    api.lists = [
      [queue('q-sales', 'Sales', { waiting: 3 })],
      [queue('q-sales', 'Sales', { waiting: 1 })],
    ];
    scheduler.flush();
    expect(api.listCalls).toBe(3);
    expect(store.queues()[0]?.waiting).toBe(1);
  });

  it('keeps the table when a refresh fails', () => {
    const { store, api, scheduler } = setup(QUEUES_REFRESH_MS);
    api.failNextList = true;
    scheduler.flush();
    expect(store.queues().map((q) => q.name)).toEqual(['Sales']);
    expect(store.loadError()).toBeNull();
  });

  it('adds a created queue in name order and closes the drawer', async () => {
    const { store, api } = setup();
    store.openCreate();
    const outcome = await store.save(null, input);
    expect(outcome.ok).toBe(true);
    expect(api.saved).toEqual([input]);
    expect(store.queues().map((q) => q.name)).toEqual(['Billing', 'Sales']);
    expect(store.drawerOpen()).toBe(false);
  });

  it('shows the new member count once the members are saved', async () => {
    const { store } = setup();
    const sales = store.queues()[0]!;
    store.openMembers(sales);
    await store.saveMembers(sales, ['u-ada', 'u-bob']);
    expect(store.queues()[0]?.memberIds).toEqual(['u-ada', 'u-bob']);
    expect(store.membersOpen()).toBe(false);
  });

  it('shows the required skills once they are saved', async () => {
    const { store } = setup();
    const sales = store.queues()[0]!;
    store.openSkills(sales);
    await store.saveSkills(sales, [{ skillId: 's-fr', minLevel: 5 }]);
    expect(store.queues()[0]?.skills).toEqual([{ skillId: 's-fr', name: 'French', minLevel: 5 }]);
    expect(store.skillsOpen()).toBe(false);
  });

  it('lists a created skill in name order', async () => {
    const { store } = setup();
    await store.createSkill('Billing');
    expect(store.skills().map((s) => s.name)).toEqual(['Billing', 'French']);
  });

  it('keeps the skill list and reports the field error when a skill is refused', async () => {
    const { store } = setup();
    const outcome = await store.createSkill('French');
    expect(!outcome.ok && outcome.error.fieldErrors[0]?.field).toBe('name');
    expect(store.skills()).toHaveLength(1);
  });

  it('loads the people for the members picker on demand', () => {
    const { store } = setup();
    expect(store.people()).toEqual([]);
    store.loadPeople();
    expect(store.peopleById().get('u-ada')?.displayName).toBe('Ada');
  });
});

describe('overflowOf', () => {
  it('shows no overflow without a delay, else the saved action', () => {
    expect(overflowOf(null)).toBe('none');
    expect(overflowOf(queue('a', 'A', { overflowAfterSeconds: null, overflowAction: 'voicemail' }))).toBe('none');
    expect(overflowOf(queue('a', 'A', { overflowAfterSeconds: 60, overflowAction: 'queue', overflowQueueId: null }))).toBe('none');
    expect(overflowOf(queue('a', 'A', { overflowAfterSeconds: 60, overflowAction: 'queue', overflowQueueId: 'q2' }))).toBe('queue');
    expect(overflowOf(queue('a', 'A', { overflowAfterSeconds: 60, overflowAction: 'callback' }))).toBe('callback');
  });
});
