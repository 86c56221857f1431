import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { Session, Tenant, User } from '../../shared/api/models';

/** Test data shared by the auth specs. */
export const ADA: User = {
  id: 'u-1',
  email: 'ada@acme.test',
  displayName: 'Ada Admin',
  status: 'active',
  locale: 'en',
  mfaEnabled: false,
  lockedUntil: null,
  lastLoginAt: null,
  roles: [{ id: 'r-1', key: 'admin', name: 'Administrator' }],
  teams: [],
  createdAt: '2026-01-01T00:00:00.000Z',
};

/** The test tenant. */
export const ACME: Tenant = {
  id: 't-1',
  slug: 'acme',
  name: 'Acme',
  timeZone: 'Europe/Berlin',
  locale: 'en',
  defaultCountry: 'DE',
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
};

/** A signed-in session of ADA in ACME. */
export const SESSION: Session = {
  token: 'tok-1',
  user: ADA,
  tenant: ACME,
  permissions: ['users.view', 'users.manage'],
};

/** An error answer in the API's `{ error: { code, message } }` shape. */
export function apiError(
  status: number,
  code: string,
  headers: Record<string, string> = {},
): HttpErrorResponse {
  return new HttpErrorResponse({
    status,
    error: { error: { code, message: `${code} from server` } },
    headers: new HttpHeaders(headers),
  });
}
