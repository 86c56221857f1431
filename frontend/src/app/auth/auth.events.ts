import { createActionGroup, emptyProps, props } from '@ngrx/store';
import { ApiError } from '../shared/api/api-types';
import { Locale, Me, Session, Tenant, User } from '../shared/api/models';

/** Credentials typed on the login page; `otp` only after the API asked for it. */
export interface LoginCredentials {
  readonly tenant: string;
  readonly email: string;
  readonly password: string;
  readonly otp?: string;
}

/** The app booted with what this browser remembered. */
export const appEvents = createActionGroup({
  source: 'App',
  events: {
    Started: props<{ token: string | null; locale: Locale }>(),
  },
});

/** What the user does on the login page. */
export const loginPageEvents = createActionGroup({
  source: 'Login Page',
  events: {
    Submitted: props<{ credentials: LoginCredentials }>(),
    'Certificate Clicked': props<{ tenant: string }>(),
    'Mfa Cancelled': emptyProps(),
    Opened: emptyProps(),
  },
});

/** Answers of the /auth API. */
export const authApiEvents = createActionGroup({
  source: 'Auth API',
  events: {
    'Login Succeeded': props<{ session: Session }>(),
    'Login Failed': props<{ error: ApiError }>(),
    'Mfa Required': emptyProps(),
    'Session Restored': props<{ me: Me }>(),
    'Session Restore Failed': props<{ error: ApiError }>(),
    'Logout Completed': emptyProps(),
    'Locale Saved': props<{ user: User }>(),
  },
});

/** A new organisation was created; its admin is signed in. */
export const signupApiEvents = createActionGroup({
  source: 'Signup API',
  events: {
    'Signup Succeeded': props<{ session: Session }>(),
  },
});

/** What the user does in the header's user menu. */
export const userMenuEvents = createActionGroup({
  source: 'User Menu',
  events: {
    'Logout Clicked': emptyProps(),
  },
});

/** The user picked a UI language. */
export const languageSwitchEvents = createActionGroup({
  source: 'Language Switch',
  events: {
    'Locale Changed': props<{ locale: Locale }>(),
  },
});

/** The user changed their own profile or 2FA. */
export const profileApiEvents = createActionGroup({
  source: 'Profile API',
  events: {
    'Profile Updated': props<{ user: User }>(),
    'Mfa Changed': props<{ enabled: boolean }>(),
  },
});

/** The API rejected the session token. */
export const authInterceptorEvents = createActionGroup({
  source: 'Auth Interceptor',
  events: {
    'Session Expired': emptyProps(),
  },
});

/** The organisation's settings were saved (the header shows its name). */
export const settingsApiEvents = createActionGroup({
  source: 'Settings API',
  events: {
    'Tenant Updated': props<{ tenant: Tenant }>(),
  },
});
