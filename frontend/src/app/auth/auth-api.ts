import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData } from '../shared/api/api-types';
import { Locale, Me, Session, User } from '../shared/api/models';
import { LoginCredentials } from './auth.events';

/** Secret and provisioning URL of a TOTP authenticator being set up. */
export interface MfaSetup {
  readonly secret: string;
  readonly otpauthUrl: string;
}

/** Calls of /auth/*: sign-in, session, own profile, passwords and 2FA. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/auth`;

  login(credentials: LoginCredentials): Observable<Session> {
    return this.http
      .post<ApiData<Session>>(`${this.base}/login`, credentials)
      .pipe(map((r) => r.data));
  }

  loginWithCertificate(tenant: string): Observable<Session> {
    return this.http
      .post<ApiData<Session>>(`${this.base}/certificate`, { tenant })
      .pipe(map((r) => r.data));
  }

  logout(): Observable<void> {
    return this.http.post<void>(`${this.base}/logout`, {});
  }

  me(): Observable<Me> {
    return this.http.get<ApiData<Me>>(`${this.base}/me`).pipe(map((r) => r.data));
  }

  updateMe(changes: { displayName?: string; locale?: Locale }): Observable<User> {
    return this.http.patch<ApiData<User>>(`${this.base}/me`, changes).pipe(map((r) => r.data));
  }

  forgotPassword(tenant: string, email: string): Observable<void> {
    return this.http.post<void>(`${this.base}/password/forgot`, { tenant, email });
  }

  resetPassword(token: string, password: string): Observable<void> {
    return this.http.post<void>(`${this.base}/password/reset`, { token, password });
  }

  setupMfa(): Observable<MfaSetup> {
    return this.http.post<ApiData<MfaSetup>>(`${this.base}/mfa/setup`, {}).pipe(map((r) => r.data));
  }

  enableMfa(code: string): Observable<void> {
    return this.http.post<void>(`${this.base}/mfa/enable`, { code });
  }

  disableMfa(code: string): Observable<void> {
    return this.http.post<void>(`${this.base}/mfa/disable`, { code });
  }
}
