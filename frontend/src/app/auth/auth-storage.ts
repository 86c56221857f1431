import { Injectable } from '@angular/core';
import { browserStorage } from '../shared/storage/browser-storage';

const TOKEN_KEY = 'cc.auth.token';
const TENANT_KEY = 'cc.auth.tenant';

/** What this browser remembers between visits: the session token and the last organisation slug. */
@Injectable({ providedIn: 'root' })
export class AuthStorage {
  token(): string | null {
    return browserStorage().getItem(TOKEN_KEY);
  }

  saveToken(token: string): void {
    browserStorage().setItem(TOKEN_KEY, token);
  }

  clearToken(): void {
    browserStorage().removeItem(TOKEN_KEY);
  }

  lastTenant(): string {
    return browserStorage().getItem(TENANT_KEY) ?? '';
  }

  saveTenant(slug: string): void {
    browserStorage().setItem(TENANT_KEY, slug);
  }
}
