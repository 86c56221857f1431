import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import type { Capability } from '../../../agent-sdk/protocol';
import { API_BASE, ApiData } from '../../shared/api/api-types';

/** A third-party page the workspace frames, as an admin configured it (GET /agent/embedded-apps). */
export interface EmbeddedApp {
  readonly id: string;
  readonly name: string;
  /** URL with `{ani}`, `{dnis}`, `{callId}`, `{customerId}`, `{queueId}`, `{agentId}`, `{tenant}`. */
  readonly urlTemplate: string;
  /** Exact origin of the URL; the only origin the SDK host accepts for this app. */
  readonly origin: string;
  /** Queues whose calls show the app; empty: every call, and also when there is no call. */
  readonly queueIds: readonly string[];
  readonly capabilities: readonly Capability[];
  readonly position: number;
  readonly enabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** POST /agent/embedded-apps/:id/token: a REST token bound to the app's origin. */
export interface MintedAppToken {
  readonly token: string;
  readonly expiresAt: string;
  readonly origin: string;
  readonly permissions: readonly string[];
}

/** The signed-in agent's embedded apps. */
@Injectable({ providedIn: 'root' })
export class EmbeddedAppsApi {
  private readonly http = inject(HttpClient);

  /** The enabled apps of the agent's tenant, ordered by position. */
  agentApps(): Observable<EmbeddedApp[]> {
    return this.http
      .get<ApiData<EmbeddedApp[]>>(`${API_BASE}/agent/embedded-apps`)
      .pipe(map((r) => r.data));
  }

  /** A short-lived REST token for one of the apps (the app must be granted `api.rest`). */
  token(appId: string): Observable<MintedAppToken> {
    return this.http
      .post<ApiData<MintedAppToken>>(`${API_BASE}/agent/embedded-apps/${encodeURIComponent(appId)}/token`, {})
      .pipe(map((r) => r.data));
  }
}
