import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { Customer } from '../customers-api';
import { CustomerDuplicate } from '../customer-merge-api';
import { matchesOf } from '../customer-merge';
import { CustomerMergeStore } from '../customer-merge-store';

/**
 * "Possible duplicates" of a customer with a Merge button each, and the customers already merged
 * into it. Shown only when there is something to show.
 */
@Component({
  selector: 'app-customer-duplicates',
  imports: [
    DatePipe,
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzPopconfirmModule,
    NzSpinModule,
    NzTagModule,
    ApiErrorAlert,
  ],
  providers: [CustomerMergeStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (visible()) {
      <nz-card
        nzSize="small"
        [nzTitle]="'customers.merge.title' | transloco"
        data-testid="customer-duplicates"
      >
        <app-api-error-alert [error]="store.loadError()" />
        @if (store.loading() && store.duplicates().length === 0) {
          <div class="loading"><nz-spin nzSimple /></div>
        }
        @if (store.duplicates().length > 0) {
          <ul class="list">
            @for (item of store.duplicates(); track item.id) {
              <li class="item" data-testid="customer-duplicate">
                <div class="body">
                  <a [routerLink]="['/customers', item.id]" class="name">{{ item.name }}</a>
                  <span class="owner">{{
                    item.ownerName ?? ('customers.noOwner' | transloco)
                  }}</span>
                  <div class="matches">
                    @for (match of matchesOf(item); track match.reason + match.value) {
                      <nz-tag [nzColor]="colors[match.reason]">
                        {{ 'customers.merge.reasons.' + match.reason | transloco }}
                        <span class="mono">{{ match.value }}</span>
                      </nz-tag>
                    }
                  </div>
                </div>
                @if (canManage()) {
                  <button
                    nz-button
                    nzSize="small"
                    type="button"
                    nz-popconfirm
                    [nzPopconfirmTitle]="'customers.merge.confirm' | transloco: { name: item.name }"
                    [nzOkText]="'customers.merge.action' | transloco"
                    [nzCancelText]="'common.cancel' | transloco"
                    [disabled]="store.saving()"
                    (nzOnConfirm)="merge(item)"
                    data-testid="customer-merge"
                  >
                    <nz-icon nzType="branches" />
                    {{ 'customers.merge.action' | transloco }}
                  </button>
                }
              </li>
            }
          </ul>
        } @else if (!store.loading() && !store.loadError()) {
          <span class="muted">{{ 'customers.merge.none' | transloco }}</span>
        }
        @if (store.merges().length > 0) {
          <div class="merged" data-testid="customer-merges">
            <div class="merged-title">{{ 'customers.merge.mergedTitle' | transloco }}</div>
            <ul class="list">
              @for (entry of store.merges(); track entry.id) {
                <li class="merged-item">
                  <span class="name">{{ entry.name }}</span>
                  <span class="muted">
                    {{ entry.mergedAt | date: 'yyyy-MM-dd HH:mm' }}
                    @if (entry.mergedByName) {
                      · {{ 'customers.merge.mergedBy' | transloco: { name: entry.mergedByName } }}
                    }
                  </span>
                </li>
              }
            </ul>
          </div>
        }
      </nz-card>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .item {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 6px 0;
    }
    .item + .item {
      border-top: 1px solid #f0f0f0;
    }
    .body {
      flex: 1;
      min-width: 0;
    }
    .name {
      font-weight: 600;
      margin-right: 8px;
    }
    .owner,
    .muted {
      color: rgba(0, 0, 0, 0.55);
    }
    .matches {
      margin-top: 4px;
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
      margin-left: 4px;
    }
    .merged {
      margin-top: 12px;
      padding-top: 8px;
      border-top: 1px solid #f0f0f0;
    }
    .merged-title {
      font-weight: 600;
      margin-bottom: 4px;
    }
    .merged-item {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      padding: 2px 0;
    }
    .loading {
      display: flex;
      justify-content: center;
      padding: 16px;
    }
  `,
})
export class CustomerDuplicates {
  /** The customer shown. */
  readonly customerId = input.required<string>();
  /** Whether the user may merge (customers.manage). */
  readonly canManage = input(false);
  /** The kept customer after a merge, as it now is. */
  readonly merged = output<Customer>();

  protected readonly store = inject(CustomerMergeStore);
  private readonly toast = inject(OutcomeToast);
  protected readonly matchesOf = matchesOf;
  protected readonly colors = { phone: 'blue', email: 'cyan', idNumber: 'orange' } as const;
  protected readonly visible = computed(
    () =>
      this.store.duplicates().length > 0 ||
      this.store.merges().length > 0 ||
      this.store.loadError() !== null,
  );

  constructor() {
    effect(() => {
      const id = this.customerId();
      untracked(() => this.store.load(id));
    });
  }

  protected async merge(duplicate: CustomerDuplicate): Promise<void> {
    const outcome = await this.store.merge(duplicate);
    this.toast.report(outcome, 'customers.merge.done', { name: duplicate.name });
    if (outcome.ok) this.merged.emit(outcome.value);
  }
}
