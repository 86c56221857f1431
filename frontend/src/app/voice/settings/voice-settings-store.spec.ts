import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable, of, throwError } from 'rxjs';
import { VoiceApi, VoiceSettings } from '../voice-api';
import { VoiceSettingsStore } from './voice-settings-store';

/** The part of VoiceApi the settings page uses. */
class FakeVoiceApi {
  stored: VoiceSettings = {
    recordingMode: 'on_demand',
    announcePosition: false,
    outboundCallerId: null,
    notifyAgentOfSupervision: true,
  };
  settings(): Observable<VoiceSettings> {
    return of(this.stored);
  }
  saveSettings(body: VoiceSettings): Observable<VoiceSettings> {
    if (body.outboundCallerId === '123') {
      return throwError(
        () =>
          new HttpErrorResponse({
            status: 422,
            error: {
              errors: [{ field: 'outboundCallerId', rule: 'phone', message: 'Not a number' }],
            },
          }),
      );
    }
    this.stored = body;
    return of(body);
  }
}

function setup() {
  const api = new FakeVoiceApi();
  TestBed.configureTestingModule({
    providers: [VoiceSettingsStore, { provide: VoiceApi, useValue: api }],
  });
  const store = TestBed.inject(VoiceSettingsStore);
  TestBed.tick();
  return { store, api };
}

describe('VoiceSettingsStore', () => {
  it('loads the settings when the page opens', () => {
    const { store } = setup();
    expect(store.settings()?.recordingMode).toBe('on_demand');
  });

  it('shows what the server stored after saving', async () => {
    const { store } = setup();
    const next: VoiceSettings = {
      recordingMode: 'always',
      announcePosition: true,
      outboundCallerId: '+4930123456',
      notifyAgentOfSupervision: false,
    };
    expect((await store.save(next)).ok).toBe(true);
    expect(store.settings()).toEqual(next);
  });

  it('keeps the stored settings when the server refuses a caller id', async () => {
    const { store } = setup();
    const outcome = await store.save({
      recordingMode: 'never',
      announcePosition: false,
      outboundCallerId: '123',
      notifyAgentOfSupervision: true,
    });
    expect(outcome.ok).toBe(false);
    expect(store.settings()?.recordingMode).toBe('on_demand');
    expect(store.saveError()?.fieldErrors[0]?.field).toBe('outboundCallerId');
  });
});
