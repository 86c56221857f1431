import { data, json, list, noContent, type OperationMap } from '#platform/openapi/spec'

/** Sign-in, sign-out, password links and two-factor settings (app/identity/controllers/session, password, mfa). */
export const authOperations: OperationMap = {
  'auth.login': {
    tag: 'Sessions',
    summary: 'Sign in with organisation, e-mail and password',
    description:
      'Answers a session token with the user, the organisation and the effective permissions. With two-factor sign-in on, ' +
      'the first try answers 401 E_MFA_REQUIRED; send `otp` as well. Five failures lock the account for 15 minutes (423); ' +
      'an address that keeps failing is throttled (429). The answer never tells whether the e-mail exists.',
    body: 'LoginRequest',
    success: json(200, data('Session'), 'Signed in'),
    errors: [401, 403, 423, 429, 503],
  },
  'auth.certificate': {
    tag: 'Sessions',
    summary: 'Sign in with a client certificate',
    description:
      'The TLS client certificate must be signed by a certificate authority the organisation trusts and name an active user ' +
      '(SAN e-mail, subject emailAddress or CN).',
    body: 'CertificateLoginRequest',
    success: json(200, data('Session'), 'Signed in'),
    errors: [401, 403],
  },
  'auth.password_forgot': {
    tag: 'Sessions',
    summary: 'Ask for a password reset link',
    description: 'Mails a one-hour link when the account exists; the answer is the same either way.',
    body: 'ForgotPasswordRequest',
    success: json(202, data('ResetRequested'), 'Accepted'),
  },
  'auth.password_reset': {
    tag: 'Sessions',
    summary: 'Set a new password from a reset or invitation link',
    description: 'An invited user becomes active; every earlier session is revoked and the lockout cleared.',
    body: 'ResetPasswordRequest',
    success: noContent('Password set'),
    errors: [400, 503],
  },
  'auth.logout': {
    tag: 'Sessions',
    summary: 'Sign out (revokes this token)',
    success: noContent('Signed out'),
  },
  'auth.me': {
    tag: 'Sessions',
    summary: 'The signed-in user, their organisation and permissions',
    success: json(200, data('Me'), 'The session context'),
  },
  'auth.my_teams': {
    tag: 'Sessions',
    summary: 'The teams you supervise or belong to, with their members',
    description: 'Supervisors see their own teams here without the permission to see every team (`teams.view`).',
    success: json(200, list('MyTeam'), 'Your teams'),
  },
  'auth.update_me': {
    tag: 'Sessions',
    summary: 'Change your own display name or language',
    body: 'UpdateProfileRequest',
    success: json(200, data('User'), 'The changed user'),
  },
  'auth.mfa_setup': {
    tag: 'Sessions',
    summary: 'Start two-factor setup: a new TOTP secret',
    description: 'Two-factor sign-in stays off until `auth/mfa/enable` proves the app shows the right code.',
    success: json(200, data('MfaSetup'), 'The secret to add to an authenticator app'),
    errors: [409],
  },
  'auth.mfa_enable': {
    tag: 'Sessions',
    summary: 'Turn two-factor sign-in on',
    body: 'MfaCodeRequest',
    success: noContent('Two-factor sign-in is on'),
    errors: [409],
    codedUnprocessable: true,
  },
  'auth.mfa_disable': {
    tag: 'Sessions',
    summary: 'Turn two-factor sign-in off',
    body: 'MfaCodeRequest',
    success: noContent('Two-factor sign-in is off'),
    errors: [409],
    codedUnprocessable: true,
  },
}
