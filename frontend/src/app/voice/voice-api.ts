import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { readBlobErrors } from '../shared/api/api-error';
import { API_BASE, ApiData } from '../shared/api/api-types';
import { Locale } from '../shared/api/models';
import { RecordingMode } from '../shared/api/voice-models';

/** Languages callers are greeted in (the console's languages). */
export type VoiceLanguage = Locale;

/** Where an entry point sends its calls. */
export type EntryPointTarget =
  | { readonly type: 'ivr'; readonly ivrMenuId: string }
  | { readonly type: 'queue'; readonly queueId: string };

/** A phone number or a web-call widget through which calls come in. */
export interface EntryPoint {
  readonly id: string;
  readonly kind: 'number' | 'web';
  readonly name: string;
  /** E.164, numbers only. */
  readonly number: string | null;
  /** Public key of a web widget (`/call/<widgetKey>`), web only. */
  readonly widgetKey: string | null;
  readonly allowedOrigins: string[];
  readonly target: EntryPointTarget;
  readonly language: VoiceLanguage;
  readonly enabled: boolean;
  /** Where the number is provisioned on the SIP gateway (nulls when there is none). */
  readonly sip: { readonly trunkId: string | null; readonly dispatchRuleId: string | null };
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Body of POST /entry-points. */
export interface EntryPointInput {
  readonly kind: EntryPoint['kind'];
  readonly name: string;
  /** Any format; the server normalises it with the tenant's default country. */
  readonly number?: string;
  readonly allowedOrigins?: string[];
  readonly target: EntryPointTarget;
  readonly language: VoiceLanguage;
  readonly enabled: boolean;
}

/** Body of PATCH /entry-points/:id: the kind of an entry point never changes. */
export type EntryPointChanges = Omit<EntryPointInput, 'kind'>;

/** What an IVR option leads to. */
export type IvrTarget =
  | { readonly type: 'queue'; readonly queueId: string }
  | { readonly type: 'menu'; readonly ivrMenuId: string };

/** Keys a caller can press. */
export type IvrDigit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '*' | '#';

/** One key of an IVR menu. */
export interface IvrOption {
  readonly digit: IvrDigit;
  readonly label: string;
  readonly target: IvrTarget;
}

/** A voice menu: prompts, keys and where a caller goes without a valid key. */
export interface IvrMenu {
  readonly id: string;
  readonly name: string;
  readonly language: VoiceLanguage;
  readonly greetingPromptId: string | null;
  readonly menuPromptId: string | null;
  readonly timeoutSeconds: number;
  readonly maxRetries: number;
  readonly options: IvrOption[];
  readonly defaultTarget: { readonly type: 'queue'; readonly queueId: string } | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Body of POST /ivr-menus and PATCH /ivr-menus/:id. */
export type IvrMenuInput = Omit<IvrMenu, 'id' | 'createdAt' | 'updatedAt'>;

/** An uploaded audio prompt. */
export interface Prompt {
  readonly id: string;
  readonly name: string;
  readonly language: VoiceLanguage;
  readonly durationMs: number;
  readonly builtIn: boolean;
  readonly createdAt: string;
}

/** What POST /prompts takes (sent as multipart form data). */
export interface PromptUpload {
  readonly name: string;
  readonly language: VoiceLanguage;
  readonly file: File;
}

/** Tenant-wide voice settings. */
export interface VoiceSettings {
  readonly recordingMode: RecordingMode;
  readonly announcePosition: boolean;
  /** E.164, or null for the trunk's own. */
  readonly outboundCallerId: string | null;
  /** Whether agents see who supervises their call (listening, whispering, in the call). */
  readonly notifyAgentOfSupervision: boolean;
}

/** A queue as the target pickers list it. */
export interface QueueRef {
  readonly id: string;
  readonly name: string;
}

/** Calls of /entry-points, /ivr-menus, /prompts and /voice/settings (permission voice.manage). */
@Injectable({ providedIn: 'root' })
export class VoiceApi {
  private readonly http = inject(HttpClient);

  entryPoints(): Observable<EntryPoint[]> {
    return this.getData<EntryPoint[]>('/entry-points');
  }

  createEntryPoint(body: EntryPointInput): Observable<EntryPoint> {
    return this.http
      .post<ApiData<EntryPoint>>(`${API_BASE}/entry-points`, body)
      .pipe(map((r) => r.data));
  }

  updateEntryPoint(id: string, body: EntryPointChanges): Observable<EntryPoint> {
    return this.http
      .patch<ApiData<EntryPoint>>(`${API_BASE}/entry-points/${id}`, body)
      .pipe(map((r) => r.data));
  }

  removeEntryPoint(id: string): Observable<void> {
    return this.http.delete<void>(`${API_BASE}/entry-points/${id}`);
  }

  ivrMenus(): Observable<IvrMenu[]> {
    return this.getData<IvrMenu[]>('/ivr-menus');
  }

  createIvrMenu(body: IvrMenuInput): Observable<IvrMenu> {
    return this.http.post<ApiData<IvrMenu>>(`${API_BASE}/ivr-menus`, body).pipe(map((r) => r.data));
  }

  updateIvrMenu(id: string, body: IvrMenuInput): Observable<IvrMenu> {
    return this.http
      .patch<ApiData<IvrMenu>>(`${API_BASE}/ivr-menus/${id}`, body)
      .pipe(map((r) => r.data));
  }

  removeIvrMenu(id: string): Observable<void> {
    return this.http.delete<void>(`${API_BASE}/ivr-menus/${id}`);
  }

  prompts(): Observable<Prompt[]> {
    return this.getData<Prompt[]>('/prompts');
  }

  uploadPrompt({ name, language, file }: PromptUpload): Observable<Prompt> {
    const body = new FormData();
    body.append('name', name);
    body.append('language', language);
    body.append('file', file, file.name);
    return this.http.post<ApiData<Prompt>>(`${API_BASE}/prompts`, body).pipe(map((r) => r.data));
  }

  /** The prompt's WAV; fetched with the session's token, so it can't be a plain `src` URL. */
  promptAudio(id: string): Observable<Blob> {
    return this.http
      .get(`${API_BASE}/prompts/${encodeURIComponent(id)}/audio`, { responseType: 'blob' })
      .pipe(readBlobErrors());
  }

  removePrompt(id: string): Observable<void> {
    return this.http.delete<void>(`${API_BASE}/prompts/${encodeURIComponent(id)}`);
  }

  settings(): Observable<VoiceSettings> {
    return this.getData<VoiceSettings>('/voice/settings');
  }

  saveSettings(body: VoiceSettings): Observable<VoiceSettings> {
    return this.http
      .put<ApiData<VoiceSettings>>(`${API_BASE}/voice/settings`, body)
      .pipe(map((r) => r.data));
  }

  /** Queues for the target pickers. */
  queues(): Observable<QueueRef[]> {
    return this.getData<QueueRef[]>('/queues').pipe(
      map((queues) => queues.map(({ id, name }) => ({ id, name }))),
    );
  }

  private getData<T>(path: string): Observable<T> {
    return this.http.get<ApiData<T>>(`${API_BASE}${path}`).pipe(map((r) => r.data));
  }
}
