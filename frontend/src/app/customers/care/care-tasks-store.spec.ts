import { TestBed } from '@angular/core/testing';
import { CareApi } from './care-api';
import { afterAction, CareTasksStore } from './care-tasks-store';
import { careTask, FakeCareApi } from './testing/care-fixtures';

function setup() {
  const api = new FakeCareApi();
  TestBed.configureTestingModule({
    providers: [CareTasksStore, { provide: CareApi, useValue: api }],
  });
  return { store: TestBed.inject(CareTasksStore), api };
}

describe('CareTasksStore', () => {
  it('loads the user’s due tasks and the badge count', () => {
    const { store, api } = setup();
    store.show({ when: 'due', assigned: 'mine', perPage: 10 });
    expect(api.queries).toEqual([
      { when: 'due', assigned: 'mine', status: null, customerId: null, page: 1, perPage: 10 },
    ]);
    expect(store.tasks().map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(store.dueCount()).toBe(3);
  });

  it('goes back to the first page when a filter changes', () => {
    const { store, api } = setup();
    store.show({ when: 'due', assigned: 'mine' });
    store.setPage(3);
    store.setWhen('overdue');
    store.setAssigned('any');
    expect(api.queries.map((q) => [q.when, q.assigned, q.page])).toEqual([
      ['due', 'mine', 1],
      ['due', 'mine', 3],
      ['overdue', 'mine', 1],
      ['overdue', 'any', 1],
    ]);
  });

  it('takes a done task off a list of open tasks, counts it out and refreshes the badge', async () => {
    const { store, api } = setup();
    store.show({ when: 'due', assigned: 'mine' });
    const outcome = await store.complete(careTask('t2'), {
      outcome: 'greeted',
      note: null,
      trackingType: 'call',
    });
    expect(outcome.ok).toBe(true);
    expect(api.calls).toEqual([
      { action: 'done', id: 't2', body: { outcome: 'greeted', note: null, trackingType: 'call' } },
    ]);
    expect(store.tasks().map((t) => t.id)).toEqual(['t1', 't3']);
    expect(store.meta().total).toBe(2);
    expect(api.summaries).toBe(2);
    expect(store.busyId()).toBeNull();
  });

  it('keeps a skipped task, marked skipped, in a list of all tasks', async () => {
    const { store } = setup();
    store.show({ when: 'all', assigned: 'any', customerId: 'c7' });
    await store.skip(careTask('t1'), 'On holiday');
    expect(store.tasks().find((t) => t.id === 't1')).toMatchObject({
      status: 'skipped',
      note: 'On holiday',
    });
    expect(store.tasks()).toHaveLength(3);
  });

  it('shows a claimed team task as the user’s', async () => {
    const { store } = setup();
    store.show({ when: 'due', assigned: 'mine' });
    await store.claim(store.tasks()[2]);
    expect(store.tasks()[2]).toMatchObject({ id: 't3', assigneeUserId: 'u-ada', status: 'open' });
  });

  it('keeps the list and reports the conflict when someone claimed the task first', async () => {
    const { store, api } = setup();
    api.claimConflict = true;
    store.show({ when: 'due', assigned: 'mine' });
    const outcome = await store.claim(store.tasks()[2]);
    expect(outcome.ok).toBe(false);
    expect(store.saveError()?.status).toBe(409);
    expect(store.tasks()[2].assigneeUserId).toBeNull();
  });
});

describe('afterAction', () => {
  it('replaces an open task in place', () => {
    const tasks = [careTask('a'), careTask('b')];
    const claimed = careTask('b', { assigneeUserName: 'Bob' });
    expect(afterAction(tasks, claimed, 'due')[1].assigneeUserName).toBe('Bob');
  });
});
