import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { LiveKpis, LiveKpiSettings, LiveQueue } from '../supervisor-api';
import { QueueTiles } from './queue-tiles';

const sales: LiveQueue = {
  queueId: 'q-1',
  name: 'Sales',
  serviceLevelSeconds: 20,
  serviceLevelLabel: 'SL 20 s · short abandons (< 5 s) excluded',
  waiting: 3,
  oldestQueuedAt: null,
  longestWaitSeconds: 65,
  offered: 8,
  answered: 6,
  abandoned: 2,
  shortAbandoned: 0,
  answeredWithinThreshold: 5,
  serviceLevel: 0.625,
  abandonRate: 0.25,
  asa: 14.5,
  aht: 185,
  avgTalk: 150,
  avgHold: 10,
  avgWrap: 25,
  agentsReady: 1,
  agentsBusy: 4,
  memberIds: [],
  since: new Date(0).toISOString(),
};

const settings: LiveKpiSettings = {
  serviceLevelSeconds: 20,
  shortAbandonSeconds: 5,
  serviceLevelAbandons: 'exclude_short',
  serviceLevelLabel: sales.serviceLevelLabel,
};

/** The English strings the tiles' labels use. */
const en = {
  liveKpi: {
    label: {
      all: 'SL {{seconds}} s · every abandon counts',
      exclude_short: 'SL {{seconds}} s · short abandons (< {{short}} s) excluded',
      none: 'SL {{seconds}} s · abandons not counted',
    },
    allQueues: 'All queues',
  },
};

async function render(
  queues: LiveQueue[],
  extra: { total?: LiveKpis; settings?: LiveKpiSettings } = {},
) {
  TestBed.configureTestingModule({
    imports: [
      QueueTiles,
      TranslocoTestingModule.forRoot({
        langs: { en },
        translocoConfig: {
          availableLangs: ['en'],
          defaultLang: 'en',
          missingHandler: { logMissingKey: false },
        },
        preloadLangs: true,
      }),
    ],
  });
  const fixture = TestBed.createComponent(QueueTiles);
  fixture.componentRef.setInput('queues', queues);
  fixture.componentRef.setInput('longestWaits', { 'q-1': '01:05' });
  if (extra.total) fixture.componentRef.setInput('total', extra.total);
  if (extra.settings) fixture.componentRef.setInput('settings', extra.settings);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

const text = (root: HTMLElement, testId: string) =>
  root.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? '';

describe('QueueTiles', () => {
  it('shows today’s numbers, the ticking longest wait and the service level as a warning', async () => {
    const root = await render([sales]);
    expect(text(root, 'queue-waiting')).toBe('3');
    expect(text(root, 'queue-longest-wait')).toBe('01:05');
    expect(text(root, 'queue-answered')).toBe('6');
    expect(text(root, 'queue-abandoned')).toBe('2');
    const level = root.querySelector('[data-testid="queue-service-level"]')!;
    expect(level.textContent).toContain('63%');
    expect(level.getAttribute('data-level')).toBe('warn');
  });

  it('shows today’s KPIs: abandon rate, ASA and AHT', async () => {
    const root = await render([sales]);
    expect(text(root, 'queue-abandon-rate')).toBe('25%');
    expect(text(root, 'queue-asa')).toBe('15 s');
    expect(text(root, 'queue-aht')).toBe('3:05');
  });

  it('labels the service level with the organisation’s KPI settings, in the console’s language', async () => {
    const root = await render([sales], {
      settings: { ...settings, serviceLevelSeconds: 30, shortAbandonSeconds: 10 },
    });
    expect(text(root, 'queue-service-level-label')).toBe(
      'SL 30 s · short abandons (< 10 s) excluded',
    );
  });

  it('falls back to the label the API wrote before the settings are known', async () => {
    const root = await render([sales]);
    expect(text(root, 'queue-service-level-label')).toBe(
      'SL 20 s · short abandons (< 5 s) excluded',
    );
  });

  it('leads with all queues together when there are several', async () => {
    const {
      queueId: _id,
      name: _name,
      agentsReady: _r,
      agentsBusy: _b,
      memberIds: _m,
      ...kpis
    } = sales;
    const total: LiveKpis = { ...kpis, offered: 12, serviceLevel: 0.9 };
    const root = await render([sales, { ...sales, queueId: 'q-2', name: 'VIP' }], {
      total,
      settings,
    });
    const tiles = root.querySelectorAll('article');
    expect(tiles.length).toBe(3);
    expect(tiles[0]?.getAttribute('data-testid')).toBe('queue-total');
    expect(tiles[0]?.querySelector('h2')?.textContent).toBe('All queues');
    expect(
      tiles[0]?.querySelector('[data-testid="queue-service-level"]')?.getAttribute('data-level'),
    ).toBe('good');
    const single = await (async () => {
      TestBed.resetTestingModule();
      return render([sales], { total, settings });
    })();
    expect(single.querySelector('[data-testid="queue-total"]')).toBeNull();
  });

  it('shows a dash before the first offered call', async () => {
    const root = await render([{ ...sales, offered: 0, serviceLevel: null }]);
    expect(text(root, 'queue-service-level')).toMatch(/^—/);
  });
});
