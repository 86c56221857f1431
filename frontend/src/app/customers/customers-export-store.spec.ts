import { TestBed } from '@angular/core/testing';
import { Observable, of, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { Job, JobFile, JobsApi } from '../shared/api/jobs-api';
import { DEBOUNCE_SCHEDULER, POLL_SCHEDULER } from '../shared/store/schedulers';
import { CustomerExportFormat, CustomersApi, CustomersQuery } from './customers-api';
import { CustomersStore } from './customers-store';
import { FakeCustomersApi } from './testing/customer-fixtures';

const job = (status: Job['status'], percent: number | null, error: string | null = null): Job => ({
  id: 'job-1',
  kind: 'customers.export',
  status,
  progress: { done: 0, total: null, percent },
  error,
  downloadable: status === 'succeeded',
  createdAt: '2026-11-29T00:00:00Z',
  finishedAt: null,
});

/** The customers API with an export that records what it was asked for. */
class ExportingCustomersApi extends FakeCustomersApi {
  readonly exports: { format: CustomerExportFormat; query: CustomersQuery }[] = [];
  startExport(format: CustomerExportFormat, query: CustomersQuery): Observable<Job> {
    this.exports.push({ format, query });
    return of(job('queued', null));
  }
}

/** Answers each poll with the next state of the script. */
class ScriptedJobsApi extends JobsApi {
  constructor(private readonly states: Job[]) {
    super();
  }
  override get(): Observable<Job> {
    return of(this.states.shift() ?? job('running', 50));
  }
  override download(_id: string, fileName: string): Observable<JobFile> {
    return of({ blob: new Blob(['a,b\n']), fileName });
  }
}

function setup(states: Job[], maxFrames = Number.POSITIVE_INFINITY) {
  const api = new ExportingCustomersApi();
  const poll = new VirtualTimeScheduler(VirtualAction, maxFrames);
  TestBed.configureTestingModule({
    providers: [
      CustomersStore,
      { provide: CustomersApi, useValue: api },
      { provide: JobsApi, useFactory: () => new ScriptedJobsApi(states) },
      { provide: DEBOUNCE_SCHEDULER, useValue: new VirtualTimeScheduler() },
      { provide: POLL_SCHEDULER, useValue: poll },
    ],
  });
  const store = TestBed.inject(CustomersStore);
  TestBed.tick();
  return { store, api, poll };
}

describe('CustomersStore export', () => {
  it('exports the list as filtered and sorted now, follows the job and fetches the file', async () => {
    const { store, api, poll } = setup([job('running', 10), job('succeeded', 100)]);
    store.filterStatus('active');
    store.filterTag('vip');
    store.changeTable(1, 20, 'name');
    const exported = store.exportList('xlsx');
    poll.flush();
    const outcome = await exported;
    expect(api.exports).toHaveLength(1);
    expect(api.exports[0].format).toBe('xlsx');
    expect(api.exports[0].query).toMatchObject({ status: 'active', tag: 'vip', sort: 'name' });
    expect(outcome.ok && outcome.value.fileName).toMatch(/^customers-.*\.xlsx$/);
    expect(store.saving()).toBe(false);
    expect(store.exportPercent()).toBeNull();
  });

  it('shows the progress of a running export', () => {
    const { store, poll } = setup([job('running', 10), job('running', 40)], 1500);
    void store.exportList('csv');
    poll.flush();
    expect(store.saving()).toBe(true);
    expect(store.exportPercent()).toBe(40);
  });

  it('reports a failed export job as E_JOB_FAILED', async () => {
    const { store, poll } = setup([job('failed', null, 'permission customers.export missing')]);
    const exported = store.exportList('csv');
    poll.flush();
    const outcome = await exported;
    expect(!outcome.ok && outcome.error.code).toBe('E_JOB_FAILED');
    expect(store.saveError()?.code).toBe('E_JOB_FAILED');
  });
});
