import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { CustomerCategory } from '../../customers-api';

/** A customer's category values as tags in their colours; `compact` leaves out the group names. */
@Component({
  selector: 'app-category-tags',
  imports: [NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (category of categories(); track category.id) {
      <nz-tag
        [nzColor]="category.colour"
        [attr.title]="category.groupName + ': ' + category.name"
        data-testid="customer-category-tag"
        >{{ compact() ? category.name : category.groupName + ': ' + category.name }}</nz-tag
      >
    }
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class CategoryTags {
  readonly categories = input.required<readonly CustomerCategory[]>();
  readonly compact = input(false);
}
