import { ChangeDetectionStrategy, Component, computed, inject, OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { authFeature } from '../../../auth/auth.reducer';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { PageHeader } from '../../../shared/ui/page-header/page-header';
import { CARE_WHENS, CareAssigned, CareWhen } from '../care-api';
import { CareTaskList } from '../care-task-list/care-task-list';
import { CareTasksStore } from '../care-tasks-store';

/** "My care tasks": greetings, callbacks and follow-ups by due date, with claim / done / skip. */
@Component({
  selector: 'app-care-tasks-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzPaginationModule,
    NzRadioModule,
    NzSpinModule,
    ApiErrorAlert,
    CareTaskList,
    PageHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'customerCare.tasks.title' | transloco"
      [subtitle]="'customerCare.tasks.subtitle' | transloco"
    >
      <a nz-button routerLink="/customers" data-testid="care-back">
        {{ 'customers.backToList' | transloco }}
      </a>
      @if (canManage()) {
        <a nz-button routerLink="/customers/care/rules" data-testid="care-rules-link">
          <nz-icon nzType="setting" />
          {{ 'customerCare.rules.title' | transloco }}
        </a>
      }
      <button nz-button type="button" (click)="store.refresh()" data-testid="care-refresh">
        <nz-icon nzType="reload" />
        {{ 'customerCare.refresh' | transloco }}
      </button>
    </app-page-header>
    <section class="panel">
      <div class="filters">
        <nz-radio-group
          [ngModel]="store.query().when"
          (ngModelChange)="setWhen($event)"
          nzButtonStyle="solid"
          data-testid="care-when"
        >
          @for (when of whens; track when) {
            <label nz-radio-button [nzValue]="when" [attr.data-testid]="'care-when-' + when">
              {{ 'customerCare.when.' + when | transloco }}
              @let count = countOf(when);
              @if (count !== null) {
                <span class="count" [class.alert]="when === 'overdue' && count > 0">{{
                  count
                }}</span>
              }
            </label>
          }
        </nz-radio-group>
        <nz-radio-group
          [ngModel]="store.query().assigned"
          (ngModelChange)="setAssigned($event)"
          data-testid="care-assigned"
        >
          <label nz-radio-button nzValue="mine">{{
            'customerCare.assigned.mine' | transloco
          }}</label>
          <label nz-radio-button nzValue="unclaimed">
            {{ 'customerCare.assigned.unclaimed' | transloco }}
          </label>
          <label nz-radio-button nzValue="any">{{ 'customerCare.assigned.any' | transloco }}</label>
        </nz-radio-group>
      </div>
      <app-api-error-alert [error]="store.loadError()" />
      @if (store.loading() && store.tasks().length === 0) {
        <div class="loading"><nz-spin nzSimple /></div>
      } @else {
        <app-care-task-list />
      }
      @if (store.meta().lastPage > 1) {
        <nz-pagination
          class="pages"
          [nzPageIndex]="store.meta().currentPage"
          [nzPageSize]="store.meta().perPage"
          [nzTotal]="store.meta().total"
          (nzPageIndexChange)="store.setPage($event)"
        />
      }
    </section>
  `,
  styles: `
    .panel {
      background: #fff;
      padding: 16px;
      border-radius: 8px;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      justify-content: space-between;
      margin-bottom: 12px;
    }
    .count {
      display: inline-block;
      min-width: 20px;
      margin-left: 6px;
      padding: 0 6px;
      border-radius: 10px;
      background: rgba(0, 0, 0, 0.06);
      color: rgba(0, 0, 0, 0.65);
      font-size: 12px;
      line-height: 20px;
      text-align: center;
    }
    .count.alert {
      background: #ff4d4f;
      color: #fff;
    }
    .loading {
      display: flex;
      justify-content: center;
      padding: 24px;
    }
    .pages {
      margin-top: 12px;
      text-align: right;
    }
  `,
})
export class CareTasksPage implements OnInit {
  protected readonly store = inject(CareTasksStore);
  private readonly session = inject(Store);
  protected readonly whens = CARE_WHENS;
  protected readonly canManage = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('customers.manage'),
  );

  ngOnInit(): void {
    this.store.show({ when: 'due', assigned: 'mine' });
  }

  /** The badge count of a filter for the user's own tasks (none for "all"). */
  protected countOf(when: CareWhen): number | null {
    const summary = this.store.summary();
    if (!summary || this.store.query().assigned !== 'mine') return null;
    if (when === 'due') return summary.due;
    if (when === 'overdue') return summary.overdue;
    if (when === 'upcoming') return summary.upcoming;
    return null;
  }

  protected setWhen(when: CareWhen): void {
    this.store.setWhen(when);
  }

  protected setAssigned(assigned: CareAssigned): void {
    this.store.setAssigned(assigned);
  }
}
