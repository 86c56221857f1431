import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { authFeature } from '../../../auth/auth.reducer';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { DeleteButton } from '../../../shared/ui/delete-button/delete-button';
import { IconAction } from '../../../shared/ui/icon-action/icon-action';
import { OutcomeToast } from '../../../shared/ui/outcome-toast';
import { PageHeader } from '../../../shared/ui/page-header/page-header';
import { Segment } from '../classification-api';
import { ReclassifyDialog, ReclassifyScope } from '../reclassify-dialog/reclassify-dialog';
import { SegmentEditor } from '../segment-editor/segment-editor';
import { SegmentsStore } from '../segments-store';

/** Saved segments with live member counts: edit their rules, view their members, re-classify them. */
@Component({
  selector: 'app-segments-page',
  imports: [
    DatePipe,
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    NzTagModule,
    ApiErrorAlert,
    DeleteButton,
    IconAction,
    PageHeader,
    ReclassifyDialog,
    SegmentEditor,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './segments-page.html',
  styles: `
    .panel {
      background: #fff;
      padding: 16px;
      border-radius: 8px;
    }
    .name {
      font-weight: 500;
    }
    .sub {
      color: rgba(0, 0, 0, 0.5);
      font-size: 12px;
    }
    .count {
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class SegmentsPage {
  protected readonly store = inject(SegmentsStore);
  private readonly session = inject(Store);
  private readonly router = inject(Router);
  private readonly toast = inject(OutcomeToast);
  private readonly transloco = inject(TranslocoService);

  protected readonly canManage = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('customers.manage'),
  );
  /** The segment being re-classified (the dialog is open while set). */
  protected readonly reclassifying = signal<ReclassifyScope | null>(null);

  protected viewMembers(segment: Segment): void {
    void this.router.navigate(['/customers'], { queryParams: { segmentId: segment.id } });
  }

  protected reclassify(segment: Segment): void {
    this.reclassifying.set({
      segmentId: segment.id,
      label: this.transloco.translate('customerClassification.segments.membersOf', {
        name: segment.name,
      }),
    });
  }

  protected async remove(segment: Segment): Promise<void> {
    const outcome = await this.store.remove(segment);
    if (outcome.ok)
      this.toast.success('customerClassification.segments.deleted', { name: segment.name });
    else this.toast.failureAsSent(outcome.error);
  }
}
