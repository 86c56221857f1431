import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import { authFeature } from '../../../auth/auth.reducer';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { PageHeader } from '../../../shared/ui/page-header/page-header';
import { CustomerImportStore, IMPORT_STEPS, ImportStep } from '../customer-import-store';
import { CustomerImport } from '../customer-imports-api';
import { ImportMappingStep } from '../import-mapping-step/import-mapping-step';
import { ImportPreviewStep } from '../import-preview-step/import-preview-step';
import { ImportResultStep } from '../import-result-step/import-result-step';
import { ImportUploadStep } from '../import-upload-step/import-upload-step';

/**
 * The customer import wizard: upload → map columns → preview → run with progress and result.
 * `/customers/imports/new` starts one; `/customers/imports/:id` continues or shows an earlier one.
 */
@Component({
  selector: 'app-import-wizard',
  imports: [
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzSpinModule,
    NzStepsModule,
    ApiErrorAlert,
    ImportMappingStep,
    ImportPreviewStep,
    ImportResultStep,
    ImportUploadStep,
    PageHeader,
  ],
  providers: [CustomerImportStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-wizard.html',
  styleUrl: './import-wizard.css',
})
export class ImportWizard {
  /** The import's id from the route, or `new`. */
  readonly id = input('new');

  protected readonly store = inject(CustomerImportStore);
  private readonly router = inject(Router);
  private readonly session = inject(Store);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly steps = IMPORT_STEPS;
  protected readonly stepIndex = computed(() => IMPORT_STEPS.indexOf(this.store.step()));
  /** The last step turns red when the import failed and green when it is done. */
  protected readonly stepsStatus = computed(() => {
    const status = this.store.current()?.status;
    if (this.store.step() !== 'result') return 'process';
    if (status === 'failed') return 'error';
    return status === 'succeeded' || status === 'rolled_back' ? 'finish' : 'process';
  });
  /** Opening an earlier import that could not be read. */
  protected readonly openFailed = computed(
    () => this.id() !== 'new' && !this.store.current() && !!this.store.loadError(),
  );

  constructor() {
    const permissions = this.session.selectSignal(authFeature.selectPermissionSet);
    this.store.loadChoices(permissions().has('users.view'));
    effect(() => {
      const id = this.id();
      untracked(() => {
        if (id === 'new') {
          if (this.store.current()) this.store.begin();
        } else if (this.store.current()?.id !== id) {
          this.store.open(id);
        }
      });
    });
    let shown: ImportStep | null = null;
    effect(() => {
      const step = this.store.step();
      // Keyboard users land on the heading of a step they moved to (not on the first render).
      if (shown !== null && shown !== step) {
        afterNextRender(
          () => this.host.nativeElement.querySelector<HTMLElement>('.step-heading')?.focus(),
          {
            injector: this.injector,
          },
        );
      }
      shown = step;
    });
  }

  /** The address names the uploaded import, so a reload comes back to it. */
  protected showUploaded(uploaded: CustomerImport): void {
    void this.router.navigate(['/customers/imports', uploaded.id], { replaceUrl: true });
  }
}
