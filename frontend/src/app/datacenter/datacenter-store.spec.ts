import { HttpEventType, provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { NOW, ORG_TIME_ZONE } from './datacenter-context';
import { KpiRow } from './datacenter-models';
import { DatacenterStore } from './datacenter-store';
import { DEFAULT_FILTERS } from './view-query';

const Q1 = '11111111-1111-4111-8111-111111111111';
const META = { serviceLevelLabel: '80/20', labels: {} };

function row(key: string, offered: number): KpiRow {
  return {
    key,
    offered,
    answered: offered - 1,
    abandoned: 1,
    short_abandoned: 0,
    abandon_rate: 1 / offered,
    service_level: 0.8,
    asa: 12,
    aht: 200,
    avg_talk: 150,
    avg_hold: 10,
    avg_wrap: 40,
    transfers: 0,
    rona: 0,
    fcr: null,
    occupancy: 0.7,
    utilization: 0.6,
  };
}

function setup() {
  TestBed.configureTestingModule({
    providers: [
      DatacenterStore,
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: ORG_TIME_ZONE, useValue: () => 'Asia/Shanghai' },
      { provide: NOW, useValue: () => new Date('2026-11-30T03:00:00Z') },
    ],
  });
  return { store: TestBed.inject(DatacenterStore), http: TestBed.inject(HttpTestingController) };
}

/** The pending KPI request grouped by `by`. */
function kpiRequest(http: HttpTestingController, by: string): TestRequest {
  return http.expectOne(
    (req) => req.url === '/api/v1/datacenter/kpis' && req.params.get('by') === by,
  );
}

describe('DatacenterStore', () => {
  it('loads totals, hour × weekday and the leagues of the range resolved in the organisation zone', () => {
    const { store, http } = setup();
    store.show({ ...DEFAULT_FILTERS, preset: 'last_7_days', queueIds: [Q1] });
    const total = kpiRequest(http, 'total');
    expect(total.request.params.get('from')).toBe('2026-11-23T16:00:00.000Z');
    expect(total.request.params.get('to')).toBe('2026-11-30T16:00:00.000Z');
    expect(total.request.params.get('queueIds')).toBe(Q1);
    expect(total.request.params.has('agentIds')).toBe(false);
    total.flush({ data: [row('total', 10)], meta: META });
    kpiRequest(http, 'weekday_hour').flush({ data: [row('1-09', 3)], meta: META });
    kpiRequest(http, 'queue').flush({
      data: [row(Q1, 10)],
      meta: { ...META, labels: { [Q1]: 'Sales' } },
    });
    http.expectNone((req) => req.params.get('by') === 'agent');
    expect(store.total()?.offered).toBe(10);
    expect(store.meta()?.serviceLevelLabel).toBe('80/20');
    expect(store.labels()).toEqual({ [Q1]: 'Sales' });
    expect(store.heat()).toHaveLength(1);
    expect(store.loading()).toBe(false);
    http.expectOne((req) => req.url === '/api/v1/datacenter/kpis/stream');
  });

  it('switches the league to teams or dialled numbers, loading only that grouping', () => {
    const { store, http } = setup();
    store.show({ ...DEFAULT_FILTERS, agentIds: [Q1] });
    kpiRequest(http, 'queue').flush({ data: [row(Q1, 10)], meta: META });
    store.showLeague('team');
    expect(store.league()).toBe('team');
    expect(store.leagueLoading()).toBe(true);
    const team = kpiRequest(http, 'team');
    expect(team.request.params.get('agentIds')).toBe(Q1);
    team.flush({ data: [row(Q1, 4)], meta: { ...META, labels: { [Q1]: 'Night owls' } } });
    expect(store.leagueRows().map((r) => r.offered)).toEqual([4]);
    expect(store.labels()).toEqual({ [Q1]: 'Night owls' });

    store.showLeague('number');
    store.showLeague('agent');
    // The number answer still on its way is dropped: the agents are shown.
    kpiRequest(http, 'agent').flush({ data: [row(Q1, 2)], meta: META });
    expect(http.match((req) => req.params.get('by') === 'number')[0].cancelled).toBe(true);
    expect(store.leagueRows().map((r) => r.offered)).toEqual([2]);
    expect(store.leagueLoading()).toBe(false);

    store.reload();
    expect(kpiRequest(http, 'agent').request.params.get('agentIds')).toBe(Q1);
  });

  it('draws the trend chunk by chunk from the stream, with partial lines across chunks', () => {
    const { store, http } = setup();
    store.show(DEFAULT_FILTERS);
    const stream = http.expectOne((req) => req.url === '/api/v1/datacenter/kpis/stream');
    expect(stream.request.params.get('by')).toBe('day');
    const lines = [
      JSON.stringify({ type: 'meta', meta: META, chunks: 2 }),
      JSON.stringify({ type: 'rows', rows: [row('2026-11-24', 4)], done: 1, total: 2 }),
      JSON.stringify({ type: 'rows', rows: [row('2026-11-30', 6)], done: 2, total: 2 }),
      JSON.stringify({ type: 'end' }),
    ];
    const text = lines.join('\n') + '\n';
    const cut = text.indexOf('2026-11-30');
    const progress = (partialText: string) =>
      stream.event({
        type: HttpEventType.DownloadProgress,
        loaded: partialText.length,
        partialText,
      });
    progress(text.slice(0, cut));
    expect(store.trend().map((r) => r.key)).toEqual(['2026-11-24']);
    expect(store.streamPercent()).toBe(50);
    expect(store.streaming()).toBe(true);
    progress(text);
    stream.flush(text);
    expect(store.trend().map((r) => r.offered)).toEqual([4, 6]);
    expect(store.streamPercent()).toBe(100);
    expect(store.streaming()).toBe(false);
  });

  it('draws by hour when the range is two days or less', () => {
    const { store, http } = setup();
    store.show({ ...DEFAULT_FILTERS, preset: 'yesterday' });
    expect(store.trendBy()).toBe('hour');
    const stream = http.expectOne((req) => req.url === '/api/v1/datacenter/kpis/stream');
    expect(stream.request.params.get('by')).toBe('hour');
  });

  it('shows an error line of the stream as an API error', () => {
    const { store, http } = setup();
    store.show(DEFAULT_FILTERS);
    const stream = http.expectOne((req) => req.url === '/api/v1/datacenter/kpis/stream');
    stream.flush(
      `${JSON.stringify({ type: 'meta', meta: META, chunks: 3 })}\n` +
        `${JSON.stringify({ type: 'error', error: { code: 'E_ANALYTICS', message: 'store down' } })}\n`,
    );
    expect(store.streamError()?.code).toBe('E_ANALYTICS');
    expect(store.streaming()).toBe(false);
  });

  it('exports the trend rows with every KPI column', () => {
    const { store, http } = setup();
    store.show({ ...DEFAULT_FILTERS, agentIds: [Q1] });
    void store.exportKpis('xlsx');
    const start = http.expectOne('/api/v1/datacenter/exports');
    expect(start.request.method).toBe('POST');
    expect(start.request.body).toMatchObject({
      format: 'xlsx',
      kind: 'kpis',
      by: 'day',
      from: '2026-11-23T16:00:00.000Z',
      agentIds: [Q1],
      queueIds: [],
    });
    expect(start.request.body.kpis).toContain('service_level');
  });
});
