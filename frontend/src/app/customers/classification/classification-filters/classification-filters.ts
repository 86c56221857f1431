import { ChangeDetectionStrategy, Component, inject, input, OnInit, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { CategoryGroupsStore } from '../category-groups-store';
import { SegmentsStore } from '../segments-store';

/**
 * The customer list's filters by category value and by segment; a link such as
 * `/customers?segmentId=…` ("view members") starts with that filter set.
 */
@Component({
  selector: 'app-classification-filters',
  imports: [FormsModule, TranslocoPipe, NzSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [SegmentsStore],
  template: `
    <nz-select
      class="category-filter"
      nzAllowClear
      nzShowSearch
      [nzPlaceHolder]="'customerClassification.filters.anyCategory' | transloco"
      [ngModel]="categoryId()"
      (ngModelChange)="categoryChange.emit($event ?? null)"
      [attr.aria-label]="'customerClassification.filters.category' | transloco"
      data-testid="customers-category-filter"
    >
      @for (group of groups.groups(); track group.id) {
        <nz-option-group [nzLabel]="group.name">
          @for (value of group.values; track value.id) {
            <nz-option [nzValue]="value.id" [nzLabel]="group.name + ': ' + value.name" />
          }
        </nz-option-group>
      }
    </nz-select>
    <nz-select
      class="segment-filter"
      nzAllowClear
      nzShowSearch
      [nzPlaceHolder]="'customerClassification.filters.anySegment' | transloco"
      [ngModel]="segmentId()"
      (ngModelChange)="segmentChange.emit($event ?? null)"
      [attr.aria-label]="'customerClassification.filters.segment' | transloco"
      data-testid="customers-segment-filter"
    >
      @for (segment of segments.segments(); track segment.id) {
        <nz-option
          [nzValue]="segment.id"
          [nzLabel]="segment.name + ' (' + segment.memberCount + ')'"
        />
      }
    </nz-select>
  `,
  styles: `
    :host {
      display: contents;
    }
    .category-filter,
    .segment-filter {
      width: 180px;
    }
  `,
})
export class ClassificationFilters implements OnInit {
  private readonly route = inject(ActivatedRoute);
  protected readonly groups = inject(CategoryGroupsStore);
  protected readonly segments = inject(SegmentsStore);

  readonly categoryId = input<string | null>(null);
  readonly segmentId = input<string | null>(null);
  readonly categoryChange = output<string | null>();
  readonly segmentChange = output<string | null>();

  ngOnInit(): void {
    const params = this.route.snapshot.queryParamMap;
    const segmentId = params.get('segmentId');
    const categoryId = params.get('categoryId');
    if (segmentId) this.segmentChange.emit(segmentId);
    if (categoryId) this.categoryChange.emit(categoryId);
  }
}
