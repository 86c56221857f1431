/**
 * The permission catalog: dotted strings, one per guarded capability. Routes declare exactly one
 * each; roles are sets of them. Later modules add their strings here.
 */
export const PERMISSIONS = {
  'tenant.settings.manage': { group: 'tenancy', description: 'Change organisation settings' },
  'certificates.manage': { group: 'tenancy', description: 'Manage trusted certificate authorities' },
  'users.view': { group: 'identity', description: 'See users' },
  'users.manage': { group: 'identity', description: 'Invite, change and deactivate users' },
  'roles.manage': { group: 'identity', description: 'Create and change roles' },
  'teams.view': { group: 'identity', description: 'See teams' },
  'teams.manage': { group: 'identity', description: 'Create and change teams' },
  'audit.view': { group: 'identity', description: 'Read the operation log' },
  'audit.export': { group: 'identity', description: 'Export the operation log' },
  'agents.view': { group: 'contact_center', description: 'See agents and their states' },
  'agents.manage': { group: 'contact_center', description: 'Force agent states, lock and unlock agents' },
  'queues.view': { group: 'contact_center', description: 'See queues' },
  'queues.manage': { group: 'contact_center', description: 'Configure queues and skills' },
  'calls.handle': { group: 'contact_center', description: 'Take and make calls' },
  'calls.monitor': { group: 'contact_center', description: 'Monitor live calls' },
  'calls.whisper': { group: 'contact_center', description: 'Whisper to agents on live calls' },
  'calls.barge': { group: 'contact_center', description: 'Barge into live calls' },
  'calls.intercept': { group: 'contact_center', description: 'Take over live calls' },
  'recordings.listen': { group: 'contact_center', description: 'Listen to call recordings' },
  'voice.manage': { group: 'contact_center', description: 'Configure numbers, IVR menus, prompts and recording policy' },
  'announcements.manage': { group: 'workspace', description: 'Post announcements to teams' },
  'customers.view': { group: 'crm', description: 'See customers' },
  'customers.manage': { group: 'crm', description: 'Create and change customers' },
  'customers.import': { group: 'crm', description: 'Import customers' },
  'customers.export': { group: 'crm', description: 'Export customers' },
  'customers.view_all': { group: 'crm', description: "See every customer, not only your own and your team's" },
  'customers.view_ids': { group: 'crm', description: 'See ID/document numbers unmasked' },
  'tickets.view': { group: 'tickets', description: 'See tickets' },
  'tickets.manage': { group: 'tickets', description: 'Create, dispatch and close tickets' },
  'knowledge.view': { group: 'knowledge', description: 'Read knowledge articles' },
  'knowledge.edit': { group: 'knowledge', description: 'Write and edit knowledge articles' },
  'knowledge.publish': { group: 'knowledge', description: 'Approve and publish knowledge articles' },
  'outbound.manage': { group: 'outbound', description: 'Manage outbound campaigns and lists' },
  'workflow.manage': { group: 'workflow', description: 'Design workflow templates' },
  'reports.view': { group: 'datacenter', description: 'Read operational reports' },
  'reports.export': { group: 'datacenter', description: 'Export reports and the contacts behind them' },
  'datacenter.view': { group: 'datacenter', description: 'Read data-center analytics' },
} as const

/** A permission string from the catalog. */
export type Permission = keyof typeof PERMISSIONS

/** Every permission, in catalog order. */
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[]

/** True when the text names a permission of the catalog. */
export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value)
}

/** A built-in role as every tenant receives it at signup. */
export interface BuiltInRole {
  key: string
  name: string
  description: string
  permissions: readonly Permission[]
}

/** The built-in roles; tenant admins add custom roles beside them. */
export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  {
    key: 'tenant_admin',
    name: 'Tenant administrator',
    description: 'Runs the organisation: users, roles, settings, every module',
    permissions: ALL_PERMISSIONS,
  },
  {
    key: 'supervisor',
    name: 'Supervisor',
    description: 'Watches queues and agents of their teams and steps into calls',
    permissions: [
      'users.view', 'agents.view', 'agents.manage', 'queues.view', 'calls.handle',
      'calls.monitor', 'calls.whisper', 'calls.barge', 'calls.intercept', 'recordings.listen',
      'announcements.manage', 'customers.view', 'tickets.view', 'tickets.manage', 'knowledge.view',
      'reports.view', 'reports.export', 'audit.view',
    ],
  },
  {
    key: 'agent',
    name: 'Agent',
    description: 'Takes and makes calls, works customers, tickets and knowledge',
    permissions: ['calls.handle', 'queues.view', 'customers.view', 'tickets.view', 'tickets.manage', 'knowledge.view'],
  },
  {
    key: 'kb_editor',
    name: 'Knowledge editor',
    description: 'Collects, edits and publishes knowledge articles',
    permissions: ['knowledge.view', 'knowledge.edit', 'knowledge.publish'],
  },
  {
    key: 'customer_manager',
    name: 'Customer manager',
    description: 'Maintains customer records, classification and care',
    permissions: ['customers.view', 'customers.manage', 'customers.import', 'customers.export', 'customers.view_all', 'customers.view_ids', 'teams.view'],
  },
  {
    key: 'executive',
    name: 'Executive',
    description: 'Reads analytics dashboards and reports',
    permissions: ['reports.view', 'reports.export', 'datacenter.view', 'queues.view', 'agents.view'],
  },
  {
    key: 'auditor',
    name: 'Auditor',
    description: 'Reads and exports the operation log',
    permissions: ['audit.view', 'audit.export', 'users.view', 'teams.view'],
  },
]
