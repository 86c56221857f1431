import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SavedReport } from './datacenter-models';
import { definitionOf, filtersOf, ReportsStore } from './reports-store';
import { dateIn } from './time-range';
import { DEFAULT_FILTERS } from './view-query';

const Q1 = '11111111-1111-4111-8111-111111111111';
const RANGE = { from: '2026-10-31T16:00:00.000Z', to: '2026-11-07T16:00:00.000Z' };
const toDay = (iso: string, end: boolean) =>
  dateIn(new Date(Date.parse(iso) - (end ? 1 : 0)), 'Asia/Shanghai');

function report(id: string, name: string): SavedReport {
  return {
    id,
    name,
    description: null,
    shared: false,
    definition: definitionOf(DEFAULT_FILTERS, RANGE, 'day'),
    ownerId: 'u-1',
    ownerName: 'Eve',
    createdAt: '2026-11-30T00:00:00Z',
    updatedAt: '2026-11-30T00:00:00Z',
    canEdit: true,
  };
}

describe('saved reports', () => {
  it('keep a preset as a preset, so the report moves with time', () => {
    const definition = definitionOf(
      { ...DEFAULT_FILTERS, preset: 'this_month', queueIds: [Q1] },
      RANGE,
      'day',
    );
    expect(definition).toMatchObject({
      range: { preset: 'this_month' },
      by: 'day',
      queueIds: [Q1],
      agentIds: [],
    });
    expect(definition.kpis.length).toBeGreaterThan(0);
    expect(filtersOf(definition, toDay)).toEqual({
      ...DEFAULT_FILTERS,
      preset: 'this_month',
      queueIds: [Q1],
    });
  });

  it('keep custom days as instants and reopen them as the same days', () => {
    const custom = {
      ...DEFAULT_FILTERS,
      preset: null,
      fromDate: '2026-11-01',
      toDate: '2026-11-07',
    };
    const definition = definitionOf(custom, RANGE, 'day');
    expect(definition.range).toEqual(RANGE);
    expect(filtersOf(definition, toDay)).toEqual(custom);
  });

  it('lists, creates, renames and deletes through the API', async () => {
    TestBed.configureTestingModule({
      providers: [ReportsStore, provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(ReportsStore);
    const http = TestBed.inject(HttpTestingController);
    store.load();
    http.expectOne('/api/v1/datacenter/reports').flush({ data: [report('r-1', 'Old')] });
    const input = {
      name: 'New',
      description: null,
      shared: true,
      definition: report('x', 'x').definition,
    };
    const created = store.create(input);
    const post = http.expectOne('/api/v1/datacenter/reports');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual(input);
    post.flush({ data: report('r-2', 'New') });
    expect((await created).ok).toBe(true);
    expect(store.reports().map((r) => r.name)).toEqual(['New', 'Old']);
    const renamed = store.update('r-1', { ...input, name: 'Renamed' });
    const put = http.expectOne('/api/v1/datacenter/reports/r-1');
    expect(put.request.method).toBe('PUT');
    put.flush({ data: report('r-1', 'Renamed') });
    await renamed;
    const removed = store.remove('r-2');
    http
      .expectOne('/api/v1/datacenter/reports/r-2')
      .flush(null, { status: 204, statusText: 'No Content' });
    await removed;
    expect(store.reports().map((r) => r.name)).toEqual(['Renamed']);
  });

  it('puts a taken name on the name field', async () => {
    TestBed.configureTestingModule({
      providers: [ReportsStore, provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(ReportsStore);
    const http = TestBed.inject(HttpTestingController);
    const created = store.create({
      name: 'Dup',
      description: null,
      shared: false,
      definition: report('x', 'x').definition,
    });
    http
      .expectOne('/api/v1/datacenter/reports')
      .flush(
        { errors: [{ field: 'name', rule: 'unique', message: 'Taken' }] },
        { status: 422, statusText: 'Unprocessable' },
      );
    const outcome = await created;
    expect(!outcome.ok && outcome.error.fieldErrors[0].field).toBe('name');
  });
});
