import { ALL_PERMISSIONS } from '#identity/permissions'
import { LOCALES } from '#shared/rules'
import { input, nullable, object, ref, type Schema, type SchemaMap } from '#platform/openapi/spec'

const id = ref('Uuid')
const string = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) })

const email = ref('EmailInput')
const tenantSlug = ref('TenantSlug')
const displayName = ref('DisplayName')
const otp = { type: 'string', pattern: '^\\d{6}$', description: 'The 6-digit code of the authenticator app' }
const ids = { type: 'array', items: ref('Uuid'), maxItems: 500, uniqueItems: true }
const permissions = { type: 'array', items: ref('PermissionKey'), uniqueItems: true, maxItems: ALL_PERMISSIONS.length }
const roleName = { type: 'string', minLength: 2, maxLength: 80 }
const teamName = { type: 'string', minLength: 1, maxLength: 80 }
const description = { type: 'string', maxLength: 400 }

/** Fields of the session context, shared by the login answer (with a token) and `auth/me`. */
const sessionContext = {
  user: ref('User'),
  tenant: ref('Tenant'),
  permissions: { type: 'array', items: ref('PermissionKey'), uniqueItems: true, description: 'Effective permissions: the union of the user’s roles' },
}

/** Resources of the identity domain (UserResource, RoleResource, TeamResource, AuditResource, sessions). */
export const identitySchemas: SchemaMap = {
  PermissionKey: { type: 'string', enum: ALL_PERMISSIONS, description: 'A permission of the catalog' },
  Permission: object({ key: ref('PermissionKey'), group: string('Catalog area, e.g. identity, tenancy, crm'), description: string() }),
  User: object({
    id,
    email: { type: 'string', format: 'email' },
    displayName: string(),
    status: { type: 'string', enum: ['active', 'invited', 'deactivated'], description: 'invited: has not set a password yet' },
    locale: { type: ['string', 'null'], enum: [...LOCALES, null] },
    mfaEnabled: { type: 'boolean' },
    lockedUntil: nullable({ type: 'string', format: 'date-time' }),
    lastLoginAt: nullable({ type: 'string', format: 'date-time' }),
    roles: { type: 'array', items: ref('RoleRef') },
    teams: { type: 'array', items: ref('TeamRef') },
    createdAt: ref('Timestamp'),
  }),
  RoleRef: object({ id, key: string(), name: string() }),
  TeamRef: object({ id, name: string() }),
  Role: object({
    id,
    key: string('Stable key: tenant_admin, supervisor, agent, … or custom_<name>_<suffix>'),
    name: string(),
    description: string(),
    builtIn: { type: 'boolean', description: 'Built-in roles cannot be changed or deleted' },
    permissions: { type: 'array', items: ref('PermissionKey') },
    userCount: { type: 'integer', minimum: 0 },
  }),
  Team: object(
    {
      id,
      name: string(),
      description: string(),
      supervisors: { type: 'array', items: ref('TeamSupervisor') },
      memberCount: { type: 'integer', minimum: 0 },
      members: { type: 'array', items: ref('TeamMember'), description: 'Only on a single team (show, create, update, members)' },
    },
    ['members']
  ),
  MyTeam: object({
    id,
    name: string(),
    description: string(),
    supervisors: { type: 'array', items: ref('TeamSupervisor') },
    memberCount: { type: 'integer', minimum: 0 },
    members: { type: 'array', items: ref('TeamMember') },
    relation: { type: 'string', enum: ['supervisor', 'member'], description: 'Whether you supervise this team or belong to it' },
  }),
  TeamSupervisor: object({ id, displayName: string() }),
  TeamMember: object({ id, displayName: string(), email: { type: 'string', format: 'email' } }),
  AuditEntry: object({
    id,
    occurredAt: ref('Timestamp'),
    actorType: { type: 'string', enum: ['user', 'anonymous', 'operator', 'system'] },
    actorId: nullable(id),
    actorEmail: { type: ['string', 'null'] },
    action: string('Route name or event, e.g. users.update, auth.login'),
    targetType: { type: ['string', 'null'] },
    targetId: { type: ['string', 'null'] },
    result: { type: 'string', enum: ['success', 'failure'] },
    status: { type: ['integer', 'null'], description: 'HTTP status of the request' },
    ip: { type: ['string', 'null'] },
    userAgent: { type: ['string', 'null'] },
    before: { type: ['object', 'null'] },
    after: { type: ['object', 'null'] },
  }),
  Session: object({ token: { type: 'string', pattern: '^cc1\\.', description: 'Send as `Authorization: Bearer <token>`' }, ...sessionContext }),
  Me: object(sessionContext),
  MfaSetup: object({
    secret: string('Base32 TOTP secret for the authenticator app'),
    otpauthUrl: { type: 'string', pattern: '^otpauth://totp/', description: 'Show as a QR code' },
  }),
  ResetRequested: object({ sent: { const: true, description: 'Always true, whether or not the account exists' } }),
  ...identityRequests(),
}

/** Request bodies, mirroring app/identity/validators/{auth,directory}.ts: change both together. */
function identityRequests(): SchemaMap {
  return {
    LoginRequest: input({ tenant: tenantSlug, email, password: { type: 'string', maxLength: 128 }, otp }, ['tenant', 'email', 'password']),
    CertificateLoginRequest: input({ tenant: tenantSlug, otp }, ['tenant']),
    ForgotPasswordRequest: input({ tenant: tenantSlug, email }, ['tenant', 'email']),
    ResetPasswordRequest: input(
      { token: { type: 'string', minLength: 20, maxLength: 300, description: 'From the mailed link' }, password: ref('NewPassword') },
      ['token', 'password']
    ),
    MfaCodeRequest: input({ code: otp }, ['code']),
    UpdateProfileRequest: input({ displayName, locale: ref('Locale') }),
    InviteUserRequest: input({ email, displayName, roleIds: ids, teamIds: ids }, ['email', 'displayName', 'roleIds']),
    UpdateUserRequest: input({ displayName, locale: ref('Locale'), roleIds: { ...ids, description: 'Replaces the roles' }, teamIds: { ...ids, description: 'Replaces the teams' } }),
    CreateRoleRequest: input({ name: roleName, description, permissions }, ['name', 'permissions']),
    UpdateRoleRequest: input({ name: roleName, description, permissions }),
    CreateTeamRequest: input({ name: teamName, description, supervisorIds: ids }, ['name']),
    UpdateTeamRequest: input({ name: teamName, description, supervisorIds: { ...ids, description: 'Replaces the supervisors' } }),
    TeamMembersRequest: input({ userIds: { ...ids, description: 'Replaces the members' } }, ['userIds']),
  }
}
