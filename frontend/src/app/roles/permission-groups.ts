import { Permission } from './roles-api';

/** Permissions of one group, in the order the API listed them. */
export interface PermissionGroup {
  readonly group: string;
  readonly permissions: Permission[];
}

/** Groups permissions by their `group`, keeping first-seen order. */
export function groupPermissions(permissions: readonly Permission[]): PermissionGroup[] {
  const groups = new Map<string, Permission[]>();
  for (const permission of permissions) {
    const list = groups.get(permission.group) ?? [];
    list.push(permission);
    groups.set(permission.group, list);
  }
  return [...groups].map(([group, list]) => ({ group, permissions: list }));
}
