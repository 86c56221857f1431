import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import {
  FormControl,
  FormGroup,
  FormRecord,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { submitForm } from '../../shared/forms/server-errors';
import { translateOr, translationTick } from '../../shared/i18n/translation-tick';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { Role } from '../roles-api';
import { RolesStore } from '../roles-store';

/** Drawer to create or edit a custom role, or to look at a built-in one. */
@Component({
  selector: 'app-role-drawer',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzDrawerModule,
    NzFormModule,
    NzInputModule,
    ApiErrorAlert,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './role-drawer.html',
  styleUrl: './role-drawer.css',
})
export class RoleDrawer {
  protected readonly store = inject(RolesStore);
  private readonly toast = inject(OutcomeToast);
  private readonly transloco = inject(TranslocoService);
  private readonly tick = translationTick(this.transloco);

  protected readonly role = this.store.edited;
  protected readonly readOnly = computed(() => this.role()?.builtIn ?? false);
  protected readonly unmatched = signal<string[]>([]);
  /** Bumped on every checkbox change so the group headers (all / some selected) recompute. */
  private readonly selectionVersion = signal(0);

  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(80)],
    }),
    description: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(500)],
    }),
    permissions: new FormRecord<FormControl<string[]>>({}),
  });

  /** Group title and checkbox labels in the UI language, falling back to what the API says. */
  protected readonly groups = computed(() => {
    this.tick();
    return this.store.permissionGroups().map(({ group, permissions }) => ({
      group,
      title: translateOr(
        this.transloco,
        `permissionGroups.${group}`,
        group.charAt(0).toUpperCase() + group.slice(1),
      ),
      options: permissions.map((permission) => ({
        value: permission.key,
        label: translateOr(
          this.transloco,
          `permissions.${permission.key}`,
          permission.description || permission.key,
        ),
      })),
    }));
  });

  /** Per group: 'all', 'some' or 'none' selected. */
  protected readonly groupState = computed(() => {
    this.selectionVersion();
    const state: Record<string, 'all' | 'some' | 'none'> = {};
    for (const { group, permissions } of this.store.permissionGroups()) {
      const selected = this.form.controls.permissions.controls[group]?.value.length ?? 0;
      state[group] = selected === 0 ? 'none' : selected === permissions.length ? 'all' : 'some';
    }
    return state;
  });

  constructor() {
    effect(() => {
      // Track `editing`, not `edited`: every opening resets the form, also 'new' after 'new'.
      this.store.editing();
      const groups = this.store.permissionGroups();
      untracked(() =>
        this.reset(
          this.store.edited(),
          groups.map((g) => g.group),
        ),
      );
    });
    this.form.controls.permissions.valueChanges.subscribe(() =>
      this.selectionVersion.update((v) => v + 1),
    );
  }

  protected toggleGroup(group: string, checked: boolean): void {
    const keys =
      this.store
        .permissionGroups()
        .find((g) => g.group === group)
        ?.permissions.map((p) => p.key) ?? [];
    this.form.controls.permissions.controls[group]?.setValue(checked ? keys : []);
  }

  protected async submit(): Promise<void> {
    if (this.readOnly()) return;
    const outcome = await submitForm(this.form, this.unmatched, () => {
      const { name, description, permissions } = this.form.getRawValue();
      return this.store.save(this.role()?.id ?? null, {
        name: name.trim(),
        description: description.trim(),
        permissions: Object.values(permissions).flat(),
      });
    });
    if (outcome?.ok) this.toast.success('roles.saved', { name: outcome.value.name });
  }

  private reset(role: Role | null, groups: string[]): void {
    this.unmatched.set([]);
    const granted = new Set(role?.permissions ?? []);
    const controls: Record<string, FormControl<string[]>> = {};
    for (const { group, permissions } of this.store.permissionGroups()) {
      controls[group] = new FormControl(
        permissions.filter((p) => granted.has(p.key)).map((p) => p.key),
        { nonNullable: true },
      );
    }
    const permissionsGroup = this.form.controls.permissions;
    for (const name of Object.keys(permissionsGroup.controls)) permissionsGroup.removeControl(name);
    for (const group of groups)
      permissionsGroup.addControl(group, controls[group] as FormControl<string[]>);
    this.form.reset({ name: role?.name ?? '', description: role?.description ?? '' });
    if (role?.builtIn) this.form.disable();
    else this.form.enable();
    this.selectionVersion.update((v) => v + 1);
  }
}
