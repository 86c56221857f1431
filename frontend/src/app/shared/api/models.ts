/** Languages the console is translated into. */
export type Locale = 'en' | 'zh-CN';

/** Life cycle of a tenant user account. */
export type UserStatus = 'active' | 'invited' | 'deactivated';
/** Whether an organisation may be used. */
export type TenantStatus = 'active' | 'suspended';

/** A role as embedded in a user. */
export interface RoleRef {
  readonly id: string;
  readonly key: string;
  readonly name: string;
}

/** A team as embedded in a user. */
export interface TeamRef {
  readonly id: string;
  readonly name: string;
}

/** A tenant user as the API returns it. */
export interface User {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly status: UserStatus;
  readonly locale: Locale | null;
  readonly mfaEnabled: boolean;
  readonly lockedUntil: string | null;
  readonly lastLoginAt: string | null;
  readonly roles: RoleRef[];
  readonly teams: TeamRef[];
  readonly createdAt: string;
}

/** An organisation (tenant) as the API returns it. */
export interface Tenant {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly timeZone: string;
  readonly locale: Locale;
  readonly defaultCountry: string | null;
  readonly status: TenantStatus;
  readonly createdAt: string;
}

/** What login, certificate login and signup answer. */
export interface Session {
  readonly token: string;
  readonly user: User;
  readonly tenant: Tenant;
  readonly permissions: string[];
}

/** What GET /auth/me answers. */
export interface Me {
  readonly user: User;
  readonly tenant: Tenant;
  readonly permissions: string[];
}
