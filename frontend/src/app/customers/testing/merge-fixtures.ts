import { HttpErrorResponse } from '@angular/common/http';
import { Observable, of, throwError } from 'rxjs';
import { Customer } from '../customers-api';
import { CustomerDuplicate, CustomerMerge } from '../customer-merge-api';
import { customer } from './customer-fixtures';

/** A possible duplicate as the API answers it. */
export const duplicate = (
  id: string,
  extra: Partial<CustomerDuplicate> = {},
): CustomerDuplicate => ({
  id,
  name: '王晓明',
  kind: 'person',
  status: 'active',
  ownerId: 'u-ada',
  ownerName: 'Ada',
  updatedAt: '2026-01-02T00:00:00.000Z',
  reasons: ['phone'],
  matchedPhones: ['+8613800138000'],
  matchedEmails: [],
  matchedIdNumber: null,
  ...extra,
});

/** A CustomerMergeApi answering from memory: merging moves a duplicate into `merges`. */
export class FakeCustomerMergeApi {
  duplicateList: CustomerDuplicate[] = [];
  mergeList: CustomerMerge[] = [];
  readonly merged: { customerId: string; duplicateId: string }[] = [];
  readonly reads: string[] = [];
  /** When set, merging answers this status. */
  failWith: number | null = null;

  duplicates(customerId: string): Observable<CustomerDuplicate[]> {
    this.reads.push(customerId);
    return of(this.duplicateList);
  }
  merges(): Observable<CustomerMerge[]> {
    return of(this.mergeList);
  }
  merge(customerId: string, duplicateId: string): Observable<Customer> {
    this.merged.push({ customerId, duplicateId });
    if (this.failWith) {
      return throwError(
        () =>
          new HttpErrorResponse({
            status: this.failWith!,
            error: { error: { code: 'E_NOT_FOUND', message: 'Customer not found' } },
          }),
      );
    }
    const gone = this.duplicateList.find((d) => d.id === duplicateId)!;
    this.duplicateList = this.duplicateList.filter((d) => d.id !== duplicateId);
    this.mergeList = [
      {
        id: `m-${duplicateId}`,
        mergedCustomerId: duplicateId,
        name: gone.name,
        mergedAt: '2026-03-01T00:00:00.000Z',
        mergedBy: 'u-ada',
        mergedByName: 'Ada',
      },
      ...this.mergeList,
    ];
    return of(customer(customerId, { tags: ['vip', 'merged'] }));
  }
}
