import { DestroyRef, Directive, ElementRef, inject, output } from '@angular/core';
import { NzSelectComponent } from 'ng-zorro-antd/select';

/**
 * Enter on a closed select that holds a value submits the dialog (`appEnterSubmit`), instead of
 * opening the list again: pick with the arrows and Enter, then Enter once more to confirm.
 */
@Directive({ selector: 'nz-select[appEnterSubmit]' })
export class EnterSubmit {
  readonly appEnterSubmit = output<void>();

  constructor() {
    const select = inject(NzSelectComponent);
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    // Capture phase: the select opens its list on Enter before the event bubbles to us.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || select.nzOpen || !select.listOfValue.length) return;
      event.preventDefault();
      event.stopPropagation();
      this.appEnterSubmit.emit();
    };
    host.addEventListener('keydown', onKey, true);
    inject(DestroyRef).onDestroy(() => host.removeEventListener('keydown', onKey, true));
  }
}
