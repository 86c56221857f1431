import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData } from '../shared/api/api-types';
import { Locale, Session } from '../shared/api/models';

/** Body of POST /signup. */
export interface SignupRequest {
  readonly organisationName: string;
  readonly slug: string;
  readonly timeZone: string;
  readonly locale: Locale;
  readonly adminName: string;
  readonly adminEmail: string;
  readonly password: string;
}

/** Creates an organisation with its first administrator. */
@Injectable({ providedIn: 'root' })
export class SignupApi {
  private readonly http = inject(HttpClient);

  signup(request: SignupRequest): Observable<Session> {
    return this.http.post<ApiData<Session>>(`${API_BASE}/signup`, request).pipe(map((r) => r.data));
  }
}
