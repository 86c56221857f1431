import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../icons';
import { CallSummary } from '../../shared/api/acd-models';
import { ApiError } from '../../shared/api/api-types';
import { Outcome } from '../../shared/api/outcome';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { VoiceFailure } from '../../shared/voice/voice-models';
import { VoiceSession } from '../../shared/voice/voice-session';
import { LiveCallsStore } from '../live-calls-store';
import { Supervising } from '../supervision';
import { SupervisingBanner } from './supervising-banner';
import { SupervisingBannerHarness } from './supervising-banner-harness';

/** The English strings the banner uses. */
const en = {
  liveCalls: {
    mode: { monitor: 'Listening', whisper: 'Whispering', barge: 'Barged in' },
    modeHelp: {
      monitor: 'Nobody hears you.',
      whisper: 'Only the agent hears you.',
      barge: 'Everyone hears you.',
    },
    noAgent: 'No agent',
    unknownCaller: 'Unknown number',
    webCaller: 'Web caller',
    media: { none: 'no audio', connecting: 'connecting audio…', connected: 'audio connected' },
    micOn: 'microphone on',
    resumeAudio: 'Click to hear the call',
    leave: 'Leave',
  },
  softphone: {
    failure: { mic_denied: 'Microphone blocked' },
    failureHelp: { mic_denied: 'Allow the microphone in the browser.' },
  },
};

const call = (id: string, extra: Partial<CallSummary> = {}) =>
  ({ id, agentName: 'Ada', ani: '+8613800138000', channel: 'pstn', ...extra }) as CallSummary;

/** The live-calls store's surface the banner uses. */
class FakeLiveCalls {
  readonly calls = signal<CallSummary[]>([call('c-1'), call('c-2', { ani: null, channel: 'web' })]);
  readonly supervising = signal<Supervising | null>(null);
  readonly busyCallId = signal<string | null>(null);
  readonly mediaError = signal<VoiceFailure | null>(null);
  answer: Outcome<unknown> = { ok: true, value: null };
  left = 0;
  leave = () => {
    this.left++;
    return Promise.resolve(this.answer);
  };
}

/** The voice session's surface the banner uses. */
class FakeVoice {
  readonly state = signal<'none' | 'connecting' | 'connected'>('connected');
  readonly micEnabled = signal(false);
  readonly audioBlocked = signal(false);
  resumed = 0;
  resumeAudio = () => {
    this.resumed++;
    return Promise.resolve();
  };
}

/** What the banner toasted. */
class FakeToast {
  readonly shown: string[] = [];
  failureAsSent(error: ApiError) {
    this.shown.push(String(error.code));
  }
}

async function render(prefix = 'live-calls') {
  const live = new FakeLiveCalls();
  const voice = new FakeVoice();
  const toast = new FakeToast();
  TestBed.configureTestingModule({
    imports: [
      SupervisingBanner,
      TranslocoTestingModule.forRoot({
        langs: { en },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideNzIcons(APP_ICONS),
      { provide: LiveCallsStore, useValue: live },
      { provide: VoiceSession, useValue: voice },
      { provide: OutcomeToast, useValue: toast },
    ],
  });
  const fixture = TestBed.createComponent(SupervisingBanner);
  fixture.componentRef.setInput('testIdPrefix', prefix);
  await fixture.whenStable();
  const harness = await TestbedHarnessEnvironment.harnessForFixture(
    fixture,
    SupervisingBannerHarness,
  );
  /** Applies a change to the fakes and lets the banner follow. */
  const change = async (apply: () => void) => {
    apply();
    await fixture.whenStable();
  };
  return { harness, live, voice, toast, change };
}

describe('SupervisingBanner', () => {
  it('shows nothing while the supervisor is on no call', async () => {
    const { harness } = await render();
    expect(await harness.mode()).toBeNull();
    expect(await harness.testIds()).toEqual([]);
  });

  it('names the mode, the agent, the caller, the audio and what the mode means', async () => {
    const { harness, live, voice, change } = await render();
    await change(() => live.supervising.set({ callId: 'c-1', mode: 'whisper' }));
    expect(await harness.mode()).toBe('whisper');
    const text = (await harness.text()).replace(/\s+/g, ' ');
    expect(text).toContain('Whispering');
    expect(text).toContain('Ada · +8613800138000 · audio connected');
    expect(text).toContain('Only the agent hears you.');
    expect(text).not.toContain('microphone on');
    await change(() => voice.micEnabled.set(true));
    expect(await harness.text()).toContain('microphone on');
  });

  it('calls a web caller without a number a web caller', async () => {
    const { harness, live, change } = await render();
    await change(() => live.supervising.set({ callId: 'c-2', mode: 'monitor' }));
    expect(await harness.text()).toContain('Web caller');
    expect(await harness.text()).toContain('Nobody hears you.');
  });

  it('carries the page’s test ids, with resume-audio only while playback is blocked', async () => {
    const { harness, live, voice, change } = await render('supervisor');
    await change(() => live.supervising.set({ callId: 'c-1', mode: 'monitor' }));
    expect(await harness.testIds()).toEqual(['supervisor-supervising', 'supervisor-leave']);
    await change(() => {
      voice.audioBlocked.set(true);
      live.mediaError.set('mic_denied');
    });
    expect(await harness.testIds()).toEqual([
      'supervisor-supervising',
      'supervisor-resume-audio',
      'supervisor-leave',
      'supervisor-media-error',
    ]);
    await harness.resumeAudio();
    expect(voice.resumed).toBe(1);
  });

  it('leaves through the store, spinning while the call is busy, and toasts a refusal', async () => {
    const { harness, live, toast, change } = await render();
    await change(() => live.supervising.set({ callId: 'c-1', mode: 'barge' }));
    expect(await harness.leaving()).toBe(false);
    await change(() => live.busyCallId.set('c-1'));
    expect(await harness.leaving()).toBe(true);
    await change(() => live.busyCallId.set(null));
    live.answer = {
      ok: false,
      error: {
        status: 409,
        code: 'E_NOT_SUPERVISING',
        message: 'x',
        fieldErrors: [],
        retryAfterSeconds: null,
      },
    };
    await harness.leave();
    live.answer = {
      ok: false,
      error: { status: 0, code: 'E_VOICE', message: 'x', fieldErrors: [], retryAfterSeconds: null },
    };
    await harness.leave();
    expect(live.left).toBe(2);
    expect(toast.shown).toEqual(['E_NOT_SUPERVISING']);
  });
});
