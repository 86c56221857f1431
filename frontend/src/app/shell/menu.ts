/** One entry of the console navigation. */
export interface MenuEntry {
  /** Stable id, also used as `data-testid="menu-<key>"`. */
  readonly key: string;
  readonly labelKey: string;
  readonly icon: string;
  readonly link?: string;
  /** Shown when the session holds any of these (always shown when absent). */
  readonly permissions?: readonly string[];
  /** Modules not built yet: shown disabled with a "coming soon" tag. */
  readonly comingSoon?: boolean;
}

/** A titled group of menu entries. */
export interface MenuSection {
  readonly key: string;
  readonly labelKey: string | null;
  readonly entries: readonly MenuEntry[];
}

/**
 * The console navigation. Later modules plug in by replacing their `comingSoon` entry with a
 * `link` (and a route in the shell routes); administration comes first while it is all there is.
 */
export const MENU: readonly MenuSection[] = [
  {
    key: 'main',
    labelKey: null,
    entries: [
      { key: 'home', labelKey: 'menu.home', icon: 'home', link: '/' },
      {
        key: 'announcements',
        labelKey: 'announcements.menu',
        icon: 'notification',
        link: '/announcements',
      },
      { key: 'calendar', labelKey: 'calendar.menu', icon: 'calendar', link: '/calendar' },
    ],
  },
  {
    key: 'administration',
    labelKey: 'menu.administration',
    entries: [
      {
        key: 'users',
        labelKey: 'menu.users',
        icon: 'user',
        link: '/users',
        permissions: ['users.view', 'users.manage'],
      },
      {
        key: 'roles',
        labelKey: 'menu.roles',
        icon: 'safety',
        link: '/roles',
        permissions: ['roles.manage'],
      },
      {
        key: 'teams',
        labelKey: 'menu.teams',
        icon: 'team',
        link: '/teams',
        permissions: ['teams.view', 'teams.manage'],
      },
      {
        key: 'settings',
        labelKey: 'menu.settings',
        icon: 'setting',
        link: '/settings',
        permissions: ['tenant.settings.manage', 'certificates.manage'],
      },
      {
        key: 'embedded-apps',
        labelKey: 'embeddedAppsAdmin.menu',
        icon: 'global',
        link: '/embedded-apps',
        permissions: ['tenant.settings.manage'],
      },
      {
        key: 'audit',
        labelKey: 'menu.audit',
        icon: 'audit',
        link: '/audit',
        permissions: ['audit.view'],
      },
    ],
  },
  {
    key: 'voice',
    labelKey: 'voice.menu.section',
    entries: [
      {
        key: 'voice-numbers',
        labelKey: 'voice.menu.numbers',
        icon: 'number',
        link: '/voice/numbers',
        permissions: ['voice.manage'],
      },
      {
        key: 'voice-ivr',
        labelKey: 'voice.menu.ivr',
        icon: 'branches',
        link: '/voice/ivr',
        permissions: ['voice.manage'],
      },
      {
        key: 'voice-prompts',
        labelKey: 'voice.menu.prompts',
        icon: 'sound',
        link: '/voice/prompts',
        permissions: ['voice.manage'],
      },
      {
        key: 'voice-settings',
        labelKey: 'voice.menu.settings',
        icon: 'control',
        link: '/voice/settings',
        permissions: ['voice.manage'],
      },
    ],
  },
  {
    key: 'operations',
    labelKey: 'menu.operations',
    entries: [
      {
        key: 'agent-workspace',
        labelKey: 'menu.agentWorkspace',
        icon: 'customer-service',
        link: '/workspace',
        permissions: ['calls.handle'],
      },
      {
        key: 'agents',
        labelKey: 'menu.agents',
        icon: 'solution',
        link: '/agents',
        permissions: ['agents.view'],
      },
      {
        key: 'live-calls',
        labelKey: 'liveCalls.menu',
        icon: 'phone',
        link: '/calls',
        permissions: ['calls.monitor'],
      },
      {
        key: 'queues',
        labelKey: 'menu.queues',
        icon: 'partition',
        link: '/queues',
        permissions: ['queues.view', 'queues.manage'],
      },
      {
        key: 'reason-codes',
        labelKey: 'reasonCodes.menu',
        icon: 'pause-circle',
        link: '/reason-codes',
        permissions: ['queues.manage'],
      },
      {
        key: 'supervisor',
        labelKey: 'menu.supervisor',
        icon: 'eye',
        link: '/supervisor',
        permissions: ['agents.view'],
      },
      {
        key: 'customers',
        labelKey: 'menu.customers',
        icon: 'contacts',
        link: '/customers',
        permissions: ['customers.view'],
      },
      {
        key: 'care-tasks',
        labelKey: 'customerCare.menu',
        icon: 'clock-circle',
        link: '/customers/care',
        permissions: ['customers.view'],
      },
      { key: 'tickets', labelKey: 'menu.tickets', icon: 'file-text', comingSoon: true },
      { key: 'knowledge', labelKey: 'menu.knowledge', icon: 'book', comingSoon: true },
      { key: 'outbound', labelKey: 'menu.outbound', icon: 'phone', comingSoon: true },
      {
        key: 'data-center',
        labelKey: 'menu.dataCenter',
        icon: 'bar-chart',
        link: '/datacenter',
        permissions: ['reports.view'],
      },
    ],
  },
];

/** The sections and entries the session may see; empty sections are left out. */
export function visibleMenu(
  menu: readonly MenuSection[],
  granted: ReadonlySet<string>,
): MenuSection[] {
  return menu
    .map((section) => ({
      ...section,
      entries: section.entries.filter(
        (entry) =>
          !entry.permissions || entry.permissions.some((permission) => granted.has(permission)),
      ),
    }))
    .filter((section) => section.entries.length > 0);
}

/**
 * True when an entry must match its route exactly: the home entry, and an entry whose link another
 * entry extends while the page is under that other link (at /customers/care only "Care tasks" is
 * highlighted, at /customers/42 still "Customers").
 */
export function matchesExactly(link: string, links: readonly string[], url: string): boolean {
  if (link === '/') return true;
  const path = url.split(/[?#]/)[0];
  return links.some(
    (other) =>
      other !== link &&
      other.startsWith(`${link}/`) &&
      (path === other || path.startsWith(`${other}/`)),
  );
}
