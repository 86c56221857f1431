import { Injectable } from '@angular/core';

const TOKEN_KEY = 'cc.auth.token';
const TENANT_KEY = 'cc.auth.tenant';

/** What this browser remembers between visits: the session token and the last organisation slug. */
@Injectable({ providedIn: 'root' })
export class AuthStorage {
  token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  }

  saveToken(token: string): void {
    localStorage.setItem(TOKEN_KEY, token);
  }

  clearToken(): void {
    localStorage.removeItem(TOKEN_KEY);
  }

  lastTenant(): string {
    return localStorage.getItem(TENANT_KEY) ?? '';
  }

  saveTenant(slug: string): void {
    localStorage.setItem(TENANT_KEY, slug);
  }
}
