import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData } from '../shared/api/api-types';
import { Customer, CustomerKind, CustomerStatus } from './customers-api';

/** What two customers share that makes them look like one. */
export type DuplicateReason = 'phone' | 'email' | 'idNumber';
export const DUPLICATE_REASONS: readonly DuplicateReason[] = ['phone', 'email', 'idNumber'];

/** A customer sharing a phone, an e-mail or an ID number with the one shown (GET /customers/:id/duplicates). */
export interface CustomerDuplicate {
  readonly id: string;
  readonly name: string;
  readonly kind: CustomerKind;
  readonly status: CustomerStatus;
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  readonly updatedAt: string;
  readonly reasons: DuplicateReason[];
  readonly matchedPhones: string[];
  readonly matchedEmails: string[];
  /** Masked unless the user may see ID numbers. */
  readonly matchedIdNumber: string | null;
}

/** A customer merged into the one shown (GET /customers/:id/merges). */
export interface CustomerMerge {
  readonly id: string;
  readonly mergedCustomerId: string;
  readonly name: string;
  readonly mergedAt: string;
  readonly mergedBy: string | null;
  readonly mergedByName: string | null;
}

/** Calls of the duplicate check and the merge of customers. */
@Injectable({ providedIn: 'root' })
export class CustomerMergeApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/customers`;

  duplicates(customerId: string): Observable<CustomerDuplicate[]> {
    return this.http
      .get<ApiData<CustomerDuplicate[]>>(`${this.base}/${customerId}/duplicates`)
      .pipe(map((r) => r.data));
  }

  merges(customerId: string): Observable<CustomerMerge[]> {
    return this.http
      .get<ApiData<CustomerMerge[]>>(`${this.base}/${customerId}/merges`)
      .pipe(map((r) => r.data));
  }

  /** Merges `duplicateId` into `customerId`; answers the kept customer. */
  merge(customerId: string, duplicateId: string): Observable<Customer> {
    return this.http
      .post<ApiData<Customer>>(`${this.base}/${customerId}/merge`, { duplicateId })
      .pipe(map((r) => r.data));
  }
}
