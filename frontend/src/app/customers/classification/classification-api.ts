import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData } from '../../shared/api/api-types';
import { Job } from '../../shared/api/jobs-api';
import { Customer, CustomerStatus } from '../customers-api';

/** One value of a category group ("A" of "Grade"). */
export interface CategoryValue {
  readonly id: string;
  readonly groupId: string;
  readonly name: string;
  readonly colour: string;
  readonly position: number;
}

/** A tenant-defined category group; an exclusive one allows one value per customer. */
export interface CategoryGroup {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly exclusive: boolean;
  readonly position: number;
  readonly values: CategoryValue[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Body of POST /customer-category-groups (PATCH takes any part but the values). */
export interface CategoryGroupInput {
  readonly name: string;
  readonly description: string | null;
  readonly exclusive: boolean;
  readonly position?: number;
  readonly values?: { readonly name: string; readonly colour?: string }[];
}

/** Body of POST /customer-category-groups/:id/values and PATCH /customer-category-values/:id. */
export interface CategoryValueInput {
  readonly name: string;
  readonly colour: string;
  readonly position?: number;
}

export type SegmentField =
  | 'status'
  | 'kind'
  | 'owner'
  | 'tags'
  | 'category'
  | 'source'
  | 'createdAt'
  | 'updatedAt'
  | 'customField'
  | 'hasPhone'
  | 'hasEmail';

export type SegmentOperator =
  | 'is'
  | 'isNot'
  | 'in'
  | 'notIn'
  | 'hasAny'
  | 'hasAll'
  | 'hasNone'
  | 'equals'
  | 'contains'
  | 'greaterThan'
  | 'lessThan'
  | 'before'
  | 'after'
  | 'between'
  | 'withinLastDays'
  | 'empty'
  | 'notEmpty';

/** A value of a condition: text, number, yes/no, a list, or a date range (dates YYYY-MM-DD). */
export type ConditionValue = string | number | boolean | string[] | { from: string; to: string };

/** One condition of a segment. */
export interface SegmentCondition {
  readonly field: SegmentField;
  readonly operator: SegmentOperator;
  /** The custom field's key (field `customField` only). */
  readonly key?: string;
  readonly value?: ConditionValue;
}

/** All or any of the conditions; none at all matches every customer. */
export interface SegmentRules {
  readonly match: 'all' | 'any';
  readonly conditions: SegmentCondition[];
}

/** A saved segment with the number of its members the user sees now. */
export interface Segment {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly rules: SegmentRules;
  readonly memberCount: number;
  readonly createdBy: string | null;
  readonly createdByName: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Body of POST /customer-segments (PATCH takes any part). */
export interface SegmentInput {
  readonly name: string;
  readonly description: string | null;
  readonly rules: SegmentRules;
}

/** What a bulk re-classification changes on each customer. */
export interface ReclassifyChanges {
  readonly addCategoryIds?: string[];
  readonly removeCategoryIds?: string[];
  readonly addTags?: string[];
  readonly removeTags?: string[];
  readonly status?: CustomerStatus;
}

/** Which customers a re-classification reaches (the user's data scope always applies). */
export interface ReclassifyTarget {
  readonly segmentId?: string;
  readonly filters?: {
    readonly search?: string;
    readonly ownerId?: string;
    readonly status?: CustomerStatus;
    readonly tag?: string;
    readonly categoryId?: string;
  };
}

/** A re-classification job; its result counts the customers matched, reached and changed. */
export interface ReclassifyJob extends Job {
  readonly result: {
    readonly matched: number;
    readonly reached: number;
    readonly changed: number;
  } | null;
}

/** Calls of the customer classification: category groups and values, segments, re-classification. */
@Injectable({ providedIn: 'root' })
export class ClassificationApi {
  private readonly http = inject(HttpClient);
  private readonly groupsBase = `${API_BASE}/customer-category-groups`;
  private readonly valuesBase = `${API_BASE}/customer-category-values`;
  private readonly segmentsBase = `${API_BASE}/customer-segments`;

  groups(): Observable<CategoryGroup[]> {
    return this.http.get<ApiData<CategoryGroup[]>>(this.groupsBase).pipe(map((r) => r.data));
  }

  createGroup(body: CategoryGroupInput): Observable<CategoryGroup> {
    return this.http.post<ApiData<CategoryGroup>>(this.groupsBase, body).pipe(map((r) => r.data));
  }

  updateGroup(
    id: string,
    body: Partial<Omit<CategoryGroupInput, 'values'>>,
  ): Observable<CategoryGroup> {
    return this.http
      .patch<ApiData<CategoryGroup>>(`${this.groupsBase}/${id}`, body)
      .pipe(map((r) => r.data));
  }

  removeGroup(id: string): Observable<void> {
    return this.http.delete<void>(`${this.groupsBase}/${id}`);
  }

  createValue(groupId: string, body: CategoryValueInput): Observable<CategoryValue> {
    return this.http
      .post<ApiData<CategoryValue>>(`${this.groupsBase}/${groupId}/values`, body)
      .pipe(map((r) => r.data));
  }

  updateValue(id: string, body: Partial<CategoryValueInput>): Observable<CategoryValue> {
    return this.http
      .patch<ApiData<CategoryValue>>(`${this.valuesBase}/${id}`, body)
      .pipe(map((r) => r.data));
  }

  removeValue(id: string): Observable<void> {
    return this.http.delete<void>(`${this.valuesBase}/${id}`);
  }

  /** Gives a customer exactly these category values. */
  setCustomerCategories(customerId: string, valueIds: string[]): Observable<Customer> {
    return this.http
      .put<ApiData<Customer>>(`${API_BASE}/customers/${customerId}/categories`, { valueIds })
      .pipe(map((r) => r.data));
  }

  segments(): Observable<Segment[]> {
    return this.http.get<ApiData<Segment[]>>(this.segmentsBase).pipe(map((r) => r.data));
  }

  createSegment(body: SegmentInput): Observable<Segment> {
    return this.http.post<ApiData<Segment>>(this.segmentsBase, body).pipe(map((r) => r.data));
  }

  updateSegment(id: string, body: Partial<SegmentInput>): Observable<Segment> {
    return this.http
      .patch<ApiData<Segment>>(`${this.segmentsBase}/${id}`, body)
      .pipe(map((r) => r.data));
  }

  removeSegment(id: string): Observable<void> {
    return this.http.delete<void>(`${this.segmentsBase}/${id}`);
  }

  /** How many customers the rules match now (nothing is saved). */
  preview(rules: SegmentRules): Observable<number> {
    return this.http
      .post<ApiData<{ memberCount: number }>>(`${this.segmentsBase}/preview`, { rules })
      .pipe(map((r) => r.data.memberCount));
  }

  /** Starts a bulk re-classification job (202). */
  reclassify(target: ReclassifyTarget, changes: ReclassifyChanges): Observable<ReclassifyJob> {
    return this.http
      .post<ApiData<ReclassifyJob>>(`${API_BASE}/customers/reclassifications`, {
        ...target,
        changes,
      })
      .pipe(map((r) => r.data));
  }

  job(id: string): Observable<ReclassifyJob> {
    return this.http.get<ApiData<ReclassifyJob>>(`${API_BASE}/jobs/${id}`).pipe(map((r) => r.data));
  }
}
