import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { KpiRow } from '../datacenter-models';
import { DrillTarget } from '../drill-down-store';
import { LeagueTable } from './league-table';

const T1 = '44444444-4444-4444-8444-444444444444';

function row(key: string, offered: number): KpiRow {
  return {
    key,
    offered,
    answered: offered,
    abandoned: 0,
    short_abandoned: 0,
    abandon_rate: 0,
    service_level: 1,
    asa: 5,
    aht: 100,
    avg_talk: 90,
    avg_hold: 0,
    avg_wrap: 10,
    transfers: 0,
    rona: 0,
    fcr: null,
    occupancy: null,
    utilization: null,
  };
}

async function render(kind: 'team' | 'number', data: KpiRow[], labels = {}) {
  TestBed.configureTestingModule({
    imports: [
      LeagueTable,
      TranslocoTestingModule.forRoot({
        langs: {
          en: {
            datacenter: {
              league: {
                team: 'Team',
                number: 'Dialled number',
                no_team: 'No team',
                no_number: '(no number)',
              },
            },
          },
        },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
        preloadLangs: true,
      }),
    ],
  });
  const fixture = TestBed.createComponent(LeagueTable);
  fixture.componentRef.setInput('kind', kind);
  fixture.componentRef.setInput('data', data);
  fixture.componentRef.setInput('labels', labels);
  const drills: DrillTarget[] = [];
  fixture.componentInstance.drill.subscribe((target) => drills.push(target));
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  return { element, drills };
}

describe('LeagueTable', () => {
  it('names teams and opens a team’s calls with its id', async () => {
    const { element, drills } = await render('team', [row(T1, 4)], { [T1]: 'Night owls' });
    expect(
      element.querySelector(`[data-testid="dc-league-row-${T1}"] .name`)?.textContent,
    ).toContain('Night owls');
    element.querySelector<HTMLButtonElement>('[data-testid="dc-cell-offered"]')!.click();
    expect(drills).toEqual([{ kpi: 'offered', count: 4, teamId: T1 }]);
  });

  it('shows calls without a dialled number as such and drills into them with an empty number', async () => {
    const { element, drills } = await render('number', [row('', 2), row('+864001000001', 5)]);
    const names = [...element.querySelectorAll('tbody .name')].map((cell) =>
      cell.textContent?.trim(),
    );
    expect(names).toContain('(no number)');
    expect(names).toContain('+864001000001');
    element
      .querySelector<HTMLButtonElement>(
        '[data-testid="dc-league-row-"] [data-testid="dc-cell-answered"]',
      )!
      .click();
    expect(drills).toEqual([{ kpi: 'answered', count: 2, number: '' }]);
  });
});
