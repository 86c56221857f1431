import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable, of, throwError } from 'rxjs';
import { promptDuration } from './prompts-page/prompts-page';
import { Prompt, PromptUpload, VoiceApi } from '../voice-api';
import { MAX_PROMPT_BYTES, promptFileProblem, PromptsStore } from './prompts-store';

const prompt = (id: string, extra: Partial<Prompt> = {}): Prompt => ({
  id,
  name: id,
  language: 'en',
  durationMs: 2500,
  builtIn: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

/** The part of VoiceApi the prompts page uses. */
class FakeVoiceApi {
  readonly uploads: PromptUpload[] = [];
  prompts(): Observable<Prompt[]> {
    return of([prompt('welcome', { builtIn: true }), prompt('Opening hours'), prompt('Closed')]);
  }
  uploadPrompt(upload: PromptUpload): Observable<Prompt> {
    this.uploads.push(upload);
    return of(prompt('new', { name: upload.name, language: upload.language }));
  }
  removePrompt(id: string): Observable<void> {
    if (id === 'Closed') {
      return throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: { error: { code: 'E_CONFLICT', message: 'Used by the IVR menu Main' } },
          }),
      );
    }
    return of(undefined);
  }
}

function setup() {
  const api = new FakeVoiceApi();
  TestBed.configureTestingModule({
    providers: [PromptsStore, { provide: VoiceApi, useValue: api }],
  });
  const store = TestBed.inject(PromptsStore);
  TestBed.tick();
  return { store, api };
}

describe('PromptsStore', () => {
  it('lists own prompts first, then the built-in ones', () => {
    const { store } = setup();
    expect(store.prompts().map((p) => p.name)).toEqual(['Closed', 'Opening hours', 'welcome']);
  });

  it('adds an uploaded prompt and closes the upload drawer', async () => {
    const { store, api } = setup();
    store.openUpload();
    const file = new File(['RIFF'], 'hello.wav', { type: 'audio/wav' });
    const outcome = await store.upload({ file, name: 'Hello', language: 'zh-CN' });
    expect(outcome.ok).toBe(true);
    expect(api.uploads[0]?.file).toBe(file);
    expect(store.uploadOpen()).toBe(false);
    expect(store.prompts().map((p) => p.name)).toContain('Hello');
  });

  it('keeps a prompt that is still in use, with the server saying where', async () => {
    const { store } = setup();
    const outcome = await store.remove(store.prompts()[0]!);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toBe('Used by the IVR menu Main');
    expect(store.prompts()).toHaveLength(3);
  });
});

describe('prompt files', () => {
  const file = (name: string, size: number, type = '') => ({ name, size, type });

  it('accepts a WAV file up to 10 MB', () => {
    expect(promptFileProblem(file('hello.WAV', 1000))).toBeNull();
    expect(promptFileProblem(file('blob', 1000, 'audio/x-wav'))).toBeNull();
  });

  it('refuses other files, empty ones and large ones before uploading', () => {
    expect(promptFileProblem(file('hello.mp3', 1000, 'audio/mpeg'))).toBe('voice.prompts.notWav');
    expect(promptFileProblem(file('hello.wav', 0))).toBe('voice.prompts.emptyFile');
    expect(promptFileProblem(file('hello.wav', MAX_PROMPT_BYTES + 1))).toBe(
      'voice.prompts.tooLarge',
    );
  });

  it('shows the length as minutes, seconds and tenths', () => {
    expect(promptDuration(2500)).toBe('0:02.5');
    expect(promptDuration(61_040)).toBe('1:01.0');
    expect(promptDuration(0)).toBe('0:00.0');
  });
});
