import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData } from '../shared/api/api-types';
import { Locale } from '../shared/api/models';
import { JoinGrant } from '../shared/voice/voice-models';

/** A web-call entry point as the public widget sees it. */
export interface WebCallEntry {
  readonly tenantName: string;
  readonly name: string;
  readonly language: Locale;
  readonly enabled: boolean;
}

/** Body of POST /public/web-calls/:key. */
export interface WebCallStart {
  readonly name?: string;
  /** The visitor's phone number, so the agent finds their account (becomes the caller id). */
  readonly phone?: string;
  readonly language?: Locale;
}

/** A started web call: its id and the caller's credentials for the call room. */
export interface WebCallStarted {
  readonly callId: string;
  readonly join: JoinGrant;
}

/** The public web-call endpoints (no session; the widget key names tenant and entry point). */
@Injectable({ providedIn: 'root' })
export class WebCallApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/public/web-calls`;

  entry(key: string): Observable<WebCallEntry> {
    return this.http
      .get<ApiData<WebCallEntry>>(`${this.base}/${encodeURIComponent(key)}`)
      .pipe(map((r) => r.data));
  }

  start(key: string, body: WebCallStart): Observable<WebCallStarted> {
    return this.http
      .post<ApiData<WebCallStarted>>(`${this.base}/${encodeURIComponent(key)}`, body)
      .pipe(map((r) => r.data));
  }
}
