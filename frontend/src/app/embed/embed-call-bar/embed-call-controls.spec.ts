import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../icons';
import { CallAction, CallSnapshot } from '../../shared/api/acd-models';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { VoiceSession } from '../../shared/voice/voice-session';
import { callControls } from '../../workspace/call-controls';
import { ConsultView } from '../../workspace/consult';
import { WorkspaceStore } from '../../workspace/workspace-store';
import { EmbedCallControls } from './embed-call-controls';

/** Everything the connected call could allow. */
const ALL: readonly CallAction[] = ['hangup', 'hold', 'mute', 'transfer', 'consult', 'dtmf'];

/** A call that allows exactly `allowed`. */
const snapshot = (allowed: readonly CallAction[]): CallSnapshot =>
  ({ id: 'call-1', allowedActions: allowed }) as Partial<CallSnapshot> as CallSnapshot;

/** The part of the workspace store the framed call bar's controls (and the dialogs) read. */
function fakeStore(allowed: readonly CallAction[]) {
  const call = signal(snapshot(allowed));
  const digits = signal('');
  const ok = { ok: true as const, value: null };
  return {
    call,
    agent: computed(() => ({ userId: 'lin', call: call() })),
    mode: signal('connected'),
    controls: computed(() => callControls(call())),
    saving: signal(false),
    digits,
    mediaError: signal(null),
    consultation: signal<ConsultView | null>(null),
    transferTargets: signal(null),
    transferTargetsError: signal(null),
    loadTransferTargets: vi.fn(),
    callCommand: vi.fn(async () => ok),
    sendDtmf: vi.fn(async (digit: string) => (digits.update((sent) => sent + digit), ok)),
    transfer: vi.fn(async () => ok),
    consult: vi.fn(async () => ok),
    consultCommand: vi.fn(async () => ok),
  };
}

async function render(allowed: readonly CallAction[] = ALL) {
  const store = fakeStore(allowed);
  TestBed.configureTestingModule({
    imports: [
      EmbedCallControls,
      TranslocoTestingModule.forRoot({
        langs: { en: {} },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
      }),
    ],
    providers: [
      provideNzIcons(APP_ICONS),
      { provide: WorkspaceStore, useValue: store },
      { provide: VoiceSession, useValue: { audioBlocked: signal(false) } },
      { provide: OutcomeToast, useValue: { success: vi.fn(), failureAsSent: vi.fn() } },
    ],
  });
  const fixture = TestBed.createComponent(EmbedCallControls);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const byId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const shown = () =>
    [...element.querySelectorAll('button[data-testid^="embed-"]')].map((b) =>
      b.getAttribute('data-testid'),
    );
  const click = async (id: string) => {
    const target = byId(id) ?? document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    if (!target) throw new Error(`no ${id}`);
    target.click();
    await fixture.whenStable();
  };
  return { store, fixture, element, byId, shown, click };
}

describe('EmbedCallControls (the framed call bar on a call)', () => {
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((c) => c.remove()));

  it('shows hold, mute, keypad, transfer and consult when the server allows each', async () => {
    const { shown } = await render();
    expect(shown()).toEqual([
      'embed-hold',
      'embed-mute',
      'embed-keypad',
      'embed-transfer',
      'embed-consult',
    ]);
  });

  it('shows only what the server allows: on hold, retrieve and nothing else', async () => {
    const { shown } = await render(['hangup', 'retrieve']);
    expect(shown()).toEqual(['embed-retrieve']);
  });

  it('follows the server: transfer and consult go when it stops allowing them', async () => {
    const { store, shown, fixture } = await render();
    store.call.set(snapshot(['hangup', 'unmute', 'dtmf']));
    await fixture.whenStable();
    expect(shown()).toEqual(['embed-unmute', 'embed-keypad']);
  });

  it('the keypad opens, sends each key pressed and shows the digits sent', async () => {
    const { store, byId, click } = await render();
    expect(byId('embed-keypad-panel')).toBeNull();
    await click('embed-keypad');
    expect(byId('embed-keypad')?.getAttribute('aria-expanded')).toBe('true');
    expect(byId('embed-digits')?.textContent?.trim()).toBe('softphone.keypadHint');
    await click('dial-pad-1');
    await click('dial-pad-hash');
    await click('dial-pad-9');
    expect(store.sendDtmf.mock.calls.map(([digit]) => digit)).toEqual(['1', '#', '9']);
    expect(byId('embed-digits')?.textContent?.trim()).toBe('1#9');
    expect(byId('embed-digits')?.getAttribute('aria-live')).toBe('polite');
  });

  it('keeps the last digits in view when many were sent', async () => {
    const { store, byId, click, fixture } = await render();
    await click('embed-keypad');
    store.digits.set('0123456789*#');
    await fixture.whenStable();
    expect(byId('embed-digits')?.textContent?.trim()).toBe('…23456789*#');
  });

  it('the keypad goes away when the server stops allowing DTMF', async () => {
    const { store, byId, click, fixture } = await render();
    await click('embed-keypad');
    store.call.set(snapshot(['hangup', 'retrieve']));
    await fixture.whenStable();
    expect(byId('embed-keypad-panel')).toBeNull();
  });

  it('transfer opens the workspace transfer dialog, at the top of the frame', async () => {
    const { store, click } = await render();
    await click('embed-transfer');
    expect(store.loadTransferTargets).toHaveBeenCalled();
    const modal = document.querySelector<HTMLElement>('.ant-modal');
    expect(modal?.textContent).toContain('softphone.transferTitle');
    expect(modal?.style.top).toBe('8px');
    expect(document.querySelector('[data-testid="transfer-kind-agent"]')).not.toBeNull();
  });

  it('consult opens the workspace consult dialog', async () => {
    const { store, click } = await render();
    await click('embed-consult');
    expect(store.loadTransferTargets).toHaveBeenCalled();
    expect(document.querySelector('.ant-modal')?.textContent).toContain('softphone.consultTitle');
  });

  it('a consultation shows with the commands the server allows', async () => {
    const { store, fixture, element } = await render([
      'hangup',
      'consult_complete',
      'consult_cancel',
    ]);
    store.consultation.set({ role: 'initiator', state: 'talking', otherName: 'Wang' });
    await fixture.whenStable();
    const consult = element.querySelector('[data-testid="workspace-consult-state"]');
    expect(consult?.getAttribute('data-state')).toBe('talking');
    const commands = [...element.querySelectorAll('[data-testid^="workspace-consult-"]')]
      .map((b) => b.getAttribute('data-testid'))
      .filter((id) => id !== 'workspace-consult-state');
    expect(commands).toEqual(['workspace-consult-complete', 'workspace-consult-cancel']);
    (element.querySelector('[data-testid="workspace-consult-complete"]') as HTMLElement).click();
    expect(store.consultCommand).toHaveBeenCalledWith('complete');
  });
});
