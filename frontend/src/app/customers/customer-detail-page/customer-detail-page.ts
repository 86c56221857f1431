import { Clipboard } from '@angular/cdk/clipboard';
import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { authFeature } from '../../auth/auth.reducer';
import { translationTick } from '../../shared/i18n/translation-tick';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { IconAction } from '../../shared/ui/icon-action/icon-action';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { CustomerDetailStore } from '../customer-detail-store';
import { Customer } from '../customers-api';
import { CustomerCategories } from '../classification/customer-categories/customer-categories';
import { CustomerDrawer } from '../customer-drawer/customer-drawer';
import { CustomerDuplicates } from '../customer-duplicates/customer-duplicates';
import { CustomerCareTasks } from '../care/customer-care-tasks/customer-care-tasks';
import { CustomerEditorStore } from '../customer-editor-store';
import { CustomerTimeline } from '../customer-timeline/customer-timeline';
import { formatFieldValue } from '../customer-form';
import { formatAddress } from '../customer-address';

/** One customer: who it is, how to reach it, its custom fields and its timeline. */
@Component({
  selector: 'app-customer-detail-page',
  imports: [
    DatePipe,
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzIconModule,
    NzPopconfirmModule,
    NzSpinModule,
    NzTagModule,
    ApiErrorAlert,
    CustomerCategories,
    CustomerDrawer,
    CustomerDuplicates,
    CustomerCareTasks,
    CustomerTimeline,
    IconAction,
    PageHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './customer-detail-page.html',
  styleUrl: './customer-detail-page.css',
})
export class CustomerDetailPage {
  /** The customer's id, from the route. */
  readonly id = input.required<string>();

  protected readonly store = inject(CustomerDetailStore);
  protected readonly editor = inject(CustomerEditorStore);
  private readonly session = inject(Store);
  private readonly router = inject(Router);
  private readonly toast = inject(OutcomeToast);
  private readonly clipboard = inject(Clipboard);
  private readonly lang = translationTick(inject(TranslocoService));
  private readonly tenant = this.session.selectSignal(authFeature.selectTenant);

  protected readonly customer = this.store.customer;
  protected readonly canManage = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('customers.manage'),
  );
  /** Every custom field of the tenant with this customer's value as text. */
  protected readonly customFields = computed(() => {
    const values = this.customer()?.customFields ?? {};
    return this.editor.fields().map((field) => ({
      field,
      text: formatFieldValue(values[field.key]),
    }));
  });

  /** The customer's addresses written out for the UI language (the organisation's country left out). */
  protected readonly addresses = computed(() => {
    const options = { locale: this.lang(), homeCountry: this.tenant()?.defaultCountry || null };
    return (this.customer()?.addresses ?? []).map((address) => ({
      id: address.id,
      label: address.label,
      text: formatAddress(address, options),
    }));
  });

  /** Bumped after a merge so the timeline is read again with the records that moved in. */
  protected readonly timelineRevision = signal(0);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.load(id));
    });
  }

  protected showMerged(customer: Customer): void {
    this.store.show(customer);
    this.timelineRevision.update((n) => n + 1);
  }

  protected copyAddress(text: string): void {
    if (this.clipboard.copy(text)) this.toast.success('customerAddresses.copied');
  }

  protected async remove(): Promise<void> {
    const customer = this.customer();
    if (!customer) return;
    const outcome = await this.store.remove();
    if (outcome.ok) {
      this.toast.success('customers.deleted', { name: customer.name });
      void this.router.navigate(['/customers']);
    } else {
      this.toast.failureAsSent(outcome.error);
    }
  }
}
