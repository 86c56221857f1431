import { inject, Pipe, PipeTransform } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';

/** Keys of the roles every organisation gets at signup; their names and descriptions are translated. */
export const BUILT_IN_ROLE_KEYS = [
  'tenant_admin',
  'supervisor',
  'agent',
  'kb_editor',
  'customer_manager',
  'executive',
  'auditor',
] as const;

/**
 * A role's name or description in the current language: built-in roles by their key, custom roles
 * as their admins wrote them. Impure so that a language switch shows at once.
 */
@Pipe({ name: 'roleText', pure: false })
export class RoleTextPipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);

  transform(
    role: { key: string; name: string; description?: string | null },
    field: 'name' | 'description' = 'name',
  ): string {
    const own = field === 'name' ? role.name : (role.description ?? '');
    if (!(BUILT_IN_ROLE_KEYS as readonly string[]).includes(role.key)) return own;
    const key = `builtInRoles.${role.key}.${field}`;
    const text = this.transloco.translate(key);
    return text === key ? own : text;
  }
}
