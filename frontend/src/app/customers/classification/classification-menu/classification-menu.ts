import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDropdownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { authFeature } from '../../../auth/auth.reducer';
import { CustomersQuery } from '../../customers-api';
import { ReclassifyDialog, ReclassifyScope } from '../reclassify-dialog/reclassify-dialog';

/** The customer list's classification menu: segments, categories, and re-classifying the filtered list. */
@Component({
  selector: 'app-classification-menu',
  imports: [
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzDropdownModule,
    NzIconModule,
    ReclassifyDialog,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      nz-button
      type="button"
      nz-dropdown
      [nzDropdownMenu]="menu"
      data-testid="customers-classification"
    >
      <nz-icon nzType="apartment" />
      {{ 'customerClassification.menu' | transloco }}
      <nz-icon nzType="down" />
    </button>
    <nz-dropdown-menu #menu="nzDropdownMenu">
      <ul nz-menu>
        <li nz-menu-item routerLink="/customers/segments" data-testid="customers-segments">
          <nz-icon nzType="filter" /> {{ 'customerClassification.segments.title' | transloco }}
        </li>
        @if (canManage()) {
          <li nz-menu-item routerLink="/customers/categories" data-testid="customers-categories">
            <nz-icon nzType="tags" /> {{ 'customerClassification.categories.title' | transloco }}
          </li>
          <li nz-menu-divider></li>
          <li nz-menu-item (click)="reclassifyList()" data-testid="customers-reclassify">
            <nz-icon nzType="edit" />
            {{ 'customerClassification.reclassify.listButton' | transloco: { total: total() } }}
          </li>
        }
      </ul>
    </nz-dropdown-menu>
    @if (canManage()) {
      <app-reclassify-dialog
        [target]="reclassifying()"
        (closed)="reclassifying.set(null)"
        (finished)="reclassified.emit()"
      />
    }
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class ClassificationMenu {
  private readonly session = inject(Store);
  private readonly transloco = inject(TranslocoService);

  /** The list's filters: a re-classification from here reaches what the list shows (every page). */
  readonly query = input.required<CustomersQuery>();
  /** How many customers the list shows in total. */
  readonly total = input(0);
  /** Emits when a re-classification has finished. */
  readonly reclassified = output();

  protected readonly canManage = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('customers.manage'),
  );
  protected readonly reclassifying = signal<ReclassifyScope | null>(null);

  protected reclassifyList(): void {
    const { search, ownerId, status, tag, categoryId, segmentId } = this.query();
    this.reclassifying.set({
      ...(segmentId ? { segmentId } : {}),
      filters: {
        ...(search ? { search } : {}),
        ...(ownerId ? { ownerId } : {}),
        ...(status ? { status } : {}),
        ...(tag ? { tag } : {}),
        ...(categoryId ? { categoryId } : {}),
      },
      label: this.transloco.translate('customerClassification.reclassify.filteredList', {
        total: this.total(),
      }),
    });
  }
}
