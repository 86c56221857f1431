import { ComponentHarness } from '@angular/cdk/testing';

/** Test harness for `app-field-error`: reads the message shown under a field. */
export class FieldErrorHarness extends ComponentHarness {
  static readonly hostSelector = 'app-field-error';

  async text(): Promise<string> {
    return (await this.host()).text();
  }
}
