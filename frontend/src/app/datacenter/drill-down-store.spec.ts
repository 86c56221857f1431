import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DrillDownStore, drillQuery } from './drill-down-store';
import { resolveDates } from './time-range';
import { DEFAULT_FILTERS } from './view-query';

const Q1 = '11111111-1111-4111-8111-111111111111';
const Q2 = '22222222-2222-4222-8222-222222222222';
const A1 = '33333333-3333-4333-8333-333333333333';
const RANGE = resolveDates('2026-11-01', '2026-11-07', 'Asia/Shanghai');

describe('drill-down', () => {
  it('opens a tile with the view range and all of its queue and agent filters', () => {
    const query = drillQuery(
      RANGE,
      { ...DEFAULT_FILTERS, queueIds: [Q1, Q2], agentIds: [A1] },
      { kpi: 'offered' },
    );
    expect(query).toEqual({
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-07T16:00:00.000Z',
      kpi: 'offered',
      queueIds: [Q1, Q2],
      agentIds: [A1],
      queueId: null,
      agentId: null,
      teamId: null,
      number: null,
      channel: null,
      page: 1,
      perPage: 20,
    });
  });

  it('narrows the view filter to the clicked league row', () => {
    const filters = { ...DEFAULT_FILTERS, queueIds: [Q1, Q2] };
    expect(drillQuery(RANGE, filters, { kpi: 'rona', agentId: A1 })).toMatchObject({
      queueIds: [Q1, Q2],
      agentIds: [],
      queueId: null,
      agentId: A1,
    });
    expect(drillQuery(RANGE, filters, { kpi: 'abandoned', queueId: Q2 })).toMatchObject({
      queueIds: [Q1, Q2],
      queueId: Q2,
    });
  });

  it('drills into a team or a dialled number, sending an empty number as a filter of its own', () => {
    TestBed.configureTestingModule({
      providers: [DrillDownStore, provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(DrillDownStore);
    const http = TestBed.inject(HttpTestingController);
    expect(drillQuery(RANGE, DEFAULT_FILTERS, { kpi: 'offered', teamId: Q2 })).toMatchObject({
      teamId: Q2,
      number: null,
    });

    store.open(RANGE, DEFAULT_FILTERS, { kpi: 'abandoned', number: '', count: 1 });
    const numberless = http.expectOne((req) => req.url === '/api/v1/datacenter/contacts');
    expect(numberless.request.params.get('number')).toBe('');
    expect(numberless.request.params.has('teamId')).toBe(false);
    numberless.flush({ data: [], meta: { total: 1, perPage: 20, currentPage: 1, lastPage: 1 } });
    void store.exportContacts('csv');
    const started = http.expectOne((req) => req.url === '/api/v1/datacenter/exports');
    expect(started.request.body).toMatchObject({ kind: 'contacts', kpi: 'abandoned', number: '' });

    store.open(RANGE, DEFAULT_FILTERS, { kpi: 'answered', teamId: Q2, count: 3 });
    const team = http.expectOne((req) => req.url === '/api/v1/datacenter/contacts');
    expect(team.request.params.get('teamId')).toBe(Q2);
    expect(team.request.params.has('number')).toBe(false);
  });

  it('sends the view lists as a,b and exports the contacts with the same filters', () => {
    TestBed.configureTestingModule({
      providers: [DrillDownStore, provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(DrillDownStore);
    const http = TestBed.inject(HttpTestingController);
    const filters = { ...DEFAULT_FILTERS, queueIds: [Q1, Q2], agentIds: [A1] };
    store.open(RANGE, filters, { kpi: 'answered_in_sl', count: 7 });
    const first = http.expectOne((req) => req.url === '/api/v1/datacenter/contacts');
    expect(first.request.params.get('queueIds')).toBe(`${Q1},${Q2}`);
    expect(first.request.params.get('agentIds')).toBe(A1);
    expect(first.request.params.has('queueId')).toBe(false);
    first.flush({ data: [], meta: { total: 7, perPage: 20, currentPage: 1, lastPage: 1 } });

    void store.exportContacts('csv');
    const started = http.expectOne((req) => req.url === '/api/v1/datacenter/exports');
    expect(started.request.body).toEqual({
      format: 'csv',
      kind: 'contacts',
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-07T16:00:00.000Z',
      kpi: 'answered_in_sl',
      queueIds: [Q1, Q2],
      agentIds: [A1],
    });
  });

  it('asks for the calls page by page with only the filters it has', () => {
    TestBed.configureTestingModule({
      providers: [DrillDownStore, provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(DrillDownStore);
    const http = TestBed.inject(HttpTestingController);
    store.open(RANGE, DEFAULT_FILTERS, { kpi: 'short_abandoned', queueId: Q1, count: 45 });
    const first = http.expectOne((req) => req.url === '/api/v1/datacenter/contacts');
    expect(first.request.params.keys().sort()).toEqual([
      'from',
      'kpi',
      'page',
      'perPage',
      'queueId',
      'to',
    ]);
    expect(first.request.params.get('kpi')).toBe('short_abandoned');
    first.flush({ data: [], meta: { total: 45, perPage: 20, currentPage: 1, lastPage: 3 } });
    expect(store.meta().total).toBe(45);
    store.changePage(3, 20);
    const third = http.expectOne((req) => req.url === '/api/v1/datacenter/contacts');
    expect(third.request.params.get('page')).toBe('3');
    expect(third.request.params.get('queueId')).toBe(Q1);
    store.close();
    expect(store.target()).toBeNull();
  });
});
