import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { QueueStats } from '../supervisor-api';
import { QueueTiles } from './queue-tiles';

const sales: QueueStats = {
  queueId: 'q-1',
  name: 'Sales',
  serviceLevelSeconds: 20,
  waiting: 3,
  oldestQueuedAt: null,
  offered: 8,
  answered: 6,
  abandoned: 2,
  answeredWithinThreshold: 5,
  serviceLevel: 0.625,
  agentsReady: 1,
  agentsBusy: 4,
  memberIds: [],
  since: new Date(0).toISOString(),
};

async function render(queues: QueueStats[]) {
  TestBed.configureTestingModule({
    imports: [
      QueueTiles,
      TranslocoTestingModule.forRoot({
        langs: { en: {} },
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

  it('shows a dash before the first offered call', async () => {
    const root = await render([{ ...sales, offered: 0, serviceLevel: null }]);
    expect(text(root, 'queue-service-level')).toMatch(/^—/);
  });
});
