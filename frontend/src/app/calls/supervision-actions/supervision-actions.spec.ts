import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideMockStore } from '@ngrx/store/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { initialAuthState } from '../../auth/auth.reducer';
import { APP_ICONS } from '../../icons';
import { CallSummary } from '../../shared/api/acd-models';
import { ApiError } from '../../shared/api/api-types';
import { Outcome } from '../../shared/api/outcome';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { LiveCallsStore } from '../live-calls-store';
import { Supervising } from '../supervision';
import { SupervisionActions } from './supervision-actions';
import { SupervisionActionsHarness } from './supervision-actions-harness';

const EVERY_PERMISSION = [
  'calls.monitor',
  'calls.whisper',
  'calls.barge',
  'calls.intercept',
  'agents.manage',
];

const talking = {
  id: 'c-1',
  status: 'connected',
  agentId: 'u-ada',
  agentName: 'Ada',
  ani: '+8613800138000',
  channel: 'pstn',
  supervisors: [],
} as unknown as CallSummary;

const conflict: ApiError = {
  status: 409,
  code: 'E_CALL_ENDED',
  message: 'The call is over',
  fieldErrors: [],
  retryAfterSeconds: null,
};

/** The live-calls store's surface the buttons use: who is supervised, and the commands. */
class FakeLiveCalls {
  readonly supervising = signal<Supervising | null>(null);
  readonly sent: string[] = [];
  answer: Outcome<unknown> = { ok: true, value: null };
  private run(verb: string, call?: CallSummary) {
    this.sent.push(call ? `${verb} ${call.id}` : verb);
    return Promise.resolve(this.answer);
  }
  monitor = (call: CallSummary) => this.run('monitor', call);
  whisper = (call: CallSummary) => this.run('whisper', call);
  barge = (call: CallSummary) => this.run('barge', call);
  intercept = (call: CallSummary) => this.run('intercept', call);
  release = (call: CallSummary) => this.run('release', call);
  leave = () => this.run('leave');
}

/** What the buttons toasted. */
class FakeToast {
  readonly shown: string[] = [];
  success(key: string) {
    this.shown.push(`success ${key}`);
  }
  failureAsSent(error: ApiError) {
    this.shown.push(`failure ${String(error.code)}`);
  }
}

async function render(
  options: {
    permissions?: string[];
    call?: CallSummary;
    supervising?: Supervising | null;
    prefix?: string;
    offerLeave?: boolean;
  } = {},
) {
  const live = new FakeLiveCalls();
  live.supervising.set(options.supervising ?? null);
  const toast = new FakeToast();
  const router = {
    navigated: [] as string[],
    navigateByUrl: (url: string) => router.navigated.push(url),
  };
  TestBed.configureTestingModule({
    imports: [
      SupervisionActions,
      TranslocoTestingModule.forRoot({
        langs: {
          en: { liveCalls: { monitor: 'Monitor (listen only)', release: 'Force hang-up' } },
        },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideNzIcons(APP_ICONS),
      provideMockStore({
        initialState: {
          auth: { ...initialAuthState, permissions: options.permissions ?? EVERY_PERMISSION },
        },
      }),
      { provide: LiveCallsStore, useValue: live },
      { provide: OutcomeToast, useValue: toast },
      { provide: Router, useValue: router },
    ],
  });
  const fixture = TestBed.createComponent(SupervisionActions);
  fixture.componentRef.setInput('call', options.call ?? talking);
  fixture.componentRef.setInput('testIdPrefix', options.prefix ?? 'call');
  if (options.offerLeave !== undefined)
    fixture.componentRef.setInput('offerLeave', options.offerLeave);
  await fixture.whenStable();
  const harness = await TestbedHarnessEnvironment.harnessForFixture(
    fixture,
    SupervisionActionsHarness,
  );
  return { fixture, harness, live, toast, router };
}

describe('SupervisionActions', () => {
  it('offers every command on a talking call, named by the page’s prefix', async () => {
    const { harness } = await render({ prefix: 'supervisor' });
    expect(await harness.testIds()).toEqual([
      'supervisor-monitor',
      'supervisor-whisper',
      'supervisor-barge',
      'supervisor-intercept',
      'supervisor-release',
    ]);
  });

  it('offers only what the permissions allow, labelled in the UI language', async () => {
    const { harness } = await render({ permissions: ['calls.monitor', 'agents.manage'] });
    expect(await harness.testIds()).toEqual(['call-monitor', 'call-release']);
    expect(await harness.labels()).toEqual(['Monitor (listen only)', 'Force hang-up']);
  });

  it('offers only monitor and hang-up on a call no agent talks on', async () => {
    const queued = { ...talking, status: 'queued', agentId: null } as unknown as CallSummary;
    const { harness } = await render({ call: queued });
    expect(await harness.testIds()).toEqual(['call-monitor', 'call-release']);
  });

  it('drops the mode in use and offers leave, unless the page keeps leave in its banner', async () => {
    const supervising: Supervising = { callId: 'c-1', mode: 'whisper' };
    const { harness } = await render({ supervising });
    expect(await harness.testIds()).toEqual([
      'call-monitor',
      'call-barge',
      'call-intercept',
      'call-leave',
      'call-release',
    ]);
    TestBed.resetTestingModule();
    const banner = await render({ supervising, prefix: 'supervisor', offerLeave: false });
    expect(await banner.harness.testIds()).not.toContain('supervisor-leave');
  });

  it('follows the store when this supervisor starts supervising the call', async () => {
    const { fixture, harness, live } = await render();
    live.supervising.set({ callId: 'c-1', mode: 'monitor' });
    await fixture.whenStable();
    expect(await harness.testIds()).toEqual([
      'call-whisper',
      'call-barge',
      'call-intercept',
      'call-leave',
      'call-release',
    ]);
  });

  it('runs each pressed command on its call through the live-calls store', async () => {
    const { harness, live, toast } = await render();
    await harness.press('monitor');
    await harness.press('whisper');
    await harness.press('barge');
    expect(live.sent).toEqual(['monitor c-1', 'whisper c-1', 'barge c-1']);
    expect(toast.shown).toEqual([]);
  });

  it('hangs the call up only once the question is confirmed', async () => {
    const { harness, live, toast } = await render();
    await harness.press('release');
    expect(live.sent).toEqual([]);
    await harness.confirm();
    expect(live.sent).toEqual(['release c-1']);
    expect(toast.shown).toEqual(['success liveCalls.released']);
  });

  it('takes the call over and opens the workspace when the supervisor may handle calls', async () => {
    const agentToo = await render({ permissions: [...EVERY_PERMISSION, 'calls.handle'] });
    await agentToo.harness.press('intercept');
    expect(agentToo.live.sent).toEqual(['intercept c-1']);
    expect(agentToo.toast.shown).toEqual(['success liveCalls.intercepted']);
    expect(agentToo.router.navigated).toEqual(['/workspace']);
    TestBed.resetTestingModule();
    const supervisorOnly = await render();
    await supervisorOnly.harness.press('intercept');
    expect(supervisorOnly.router.navigated).toEqual([]);
  });

  it('toasts a refused command but not a voice failure, which the banner shows', async () => {
    const { harness, live, toast } = await render();
    live.answer = { ok: false, error: conflict };
    await harness.press('barge');
    await harness.press('intercept');
    live.answer = { ok: false, error: { ...conflict, status: 0, code: 'E_VOICE' } };
    await harness.press('monitor');
    expect(toast.shown).toEqual(['failure E_CALL_ENDED', 'failure E_CALL_ENDED']);
  });
});
