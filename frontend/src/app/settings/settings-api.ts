import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData } from '../shared/api/api-types';
import { Locale, Tenant } from '../shared/api/models';

/** Body of PATCH /tenant. */
export interface TenantChanges {
  readonly name?: string;
  readonly timeZone?: string;
  readonly locale?: Locale;
  readonly defaultCountry?: string | null;
  readonly callBarEmbedOrigins?: readonly string[];
}

/** The organisation as its settings page sees it. */
export interface TenantSettings extends Tenant {
  /** Exact origins of third-party pages (a CRM) that may frame the call bar and drive it via the SDK. */
  readonly callBarEmbedOrigins: string[];
}

/** A certificate authority whose client certificates may sign in. */
export interface CertificateAuthority {
  readonly id: string;
  readonly name: string;
  readonly subject: string;
  readonly fingerprint: string;
  readonly notAfter: string;
  readonly createdAt: string;
}

/** Calls of /tenant and /tenant/certificate-authorities. */
@Injectable({ providedIn: 'root' })
export class SettingsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/tenant`;

  tenant(): Observable<TenantSettings> {
    return this.http.get<ApiData<TenantSettings>>(this.base).pipe(map((r) => r.data));
  }

  updateTenant(changes: TenantChanges): Observable<TenantSettings> {
    return this.http.patch<ApiData<TenantSettings>>(this.base, changes).pipe(map((r) => r.data));
  }

  certificateAuthorities(): Observable<CertificateAuthority[]> {
    return this.http
      .get<ApiData<CertificateAuthority[]>>(`${this.base}/certificate-authorities`)
      .pipe(map((r) => r.data));
  }

  addCertificateAuthority(name: string, pem: string): Observable<CertificateAuthority> {
    return this.http
      .post<ApiData<CertificateAuthority>>(`${this.base}/certificate-authorities`, { name, pem })
      .pipe(map((r) => r.data));
  }

  removeCertificateAuthority(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/certificate-authorities/${id}`);
  }
}
