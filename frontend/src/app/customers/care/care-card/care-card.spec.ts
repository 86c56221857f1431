import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideMockStore } from '@ngrx/store/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { Subject, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { initialAuthState } from '../../../auth/auth.reducer';
import { APP_ICONS } from '../../../icons';
import { UserFeed } from '../../../shared/realtime/user-feed';
import { POLL_SCHEDULER } from '../../../shared/store/schedulers';
import { CareApi } from '../care-api';
import { careTask, FakeCareApi } from '../testing/care-fixtures';
import { CARE_PUSH_COALESCE_MS, CareCard } from './care-card';

async function setup() {
  const api = new FakeCareApi();
  const pushes = new Subject<string>();
  const asked: string[][] = [];
  const scheduler = new VirtualTimeScheduler(VirtualAction, Infinity);
  TestBed.configureTestingModule({
    imports: [
      CareCard,
      TranslocoTestingModule.forRoot({
        langs: { en: {} },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
      }),
    ],
    providers: [
      provideRouter([]),
      provideNzIcons(APP_ICONS),
      provideMockStore({ initialState: { auth: { ...initialAuthState, user: { id: 'u-ada' } } } }),
      { provide: CareApi, useValue: api },
      { provide: POLL_SCHEDULER, useValue: scheduler },
      {
        provide: UserFeed,
        useValue: {
          changes: (...prefixes: string[]) => {
            asked.push(prefixes);
            return pushes;
          },
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(CareCard);
  await fixture.whenStable();
  const badge = () =>
    (fixture.nativeElement as HTMLElement)
      .querySelector('[data-testid="care-badge"]')
      ?.getAttribute('data-count');
  const rows = () =>
    (fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="care-task"]').length;
  return { api, pushes, asked, scheduler, fixture, badge, rows };
}

describe('CareCard live', () => {
  it('follows care-task and care-rule pushes and shows a new task with its badge count without a reload', async () => {
    const { api, pushes, asked, fixture, badge, rows } = await setup();
    expect(asked).toEqual([['care_task.', 'care_rule.']]);
    expect(badge()).toBe('3');
    expect(rows()).toBe(3);

    api.tasksList = [...api.tasksList, careTask('t4')];
    api.summaryValue = { ...api.summaryValue, due: 4, dueToday: 3 };
    pushes.next('care_task.created');
    await fixture.whenStable();
    expect(badge()).toBe('4');
    expect(rows()).toBe(4);
  });

  it('reads once more at the end of a burst, not once per push', async () => {
    const { api, pushes, scheduler } = await setup();
    const before = api.summaries;
    for (let i = 0; i < 4; i++) pushes.next('care_task.due');
    expect(api.summaries).toBe(before + 1);
    scheduler.maxFrames = CARE_PUSH_COALESCE_MS;
    scheduler.flush();
    expect(api.summaries).toBe(before + 2);
  });

  it('stops listening when the card goes away', async () => {
    const { pushes, fixture } = await setup();
    fixture.destroy();
    expect(pushes.observed).toBe(false);
  });
});
