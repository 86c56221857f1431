import { computed, inject, Injectable, signal } from '@angular/core';
import { NOT_READY_REASONS } from '../shared/api/acd-models';
import { ReasonCode, ReasonCodesApi } from './reason-codes-api';

/** One not-ready reason as a picker shows it. */
export interface ReasonChoice {
  readonly code: string;
  /** The organisation's own label; codes the app knows are shown translated instead. */
  readonly label: string;
  readonly translated: boolean;
}

const KNOWN: readonly string[] = NOT_READY_REASONS;

/** The choices of the given codes: active ones, in the organisation's order. */
export function reasonChoices(codes: readonly ReasonCode[]): ReasonChoice[] {
  return [...codes]
    .filter((c) => c.active)
    .sort((a, b) => a.position - b.position || a.code.localeCompare(b.code))
    .map((c) => ({ code: c.code, label: c.label, translated: KNOWN.includes(c.code) }));
}

/**
 * The organisation's not-ready reasons for the agent's and the supervisor's pickers, read once
 * per session from GET /reason-codes; the built-in defaults stand in until (or unless) it answers.
 */
@Injectable({ providedIn: 'root' })
export class ReasonCodeChoices {
  private readonly api = inject(ReasonCodesApi);
  private readonly codes = signal<readonly ReasonCode[] | null>(null);
  private requested = false;

  readonly choices = computed<readonly ReasonChoice[]>(() => {
    const codes = this.codes();
    return codes ? reasonChoices(codes) : KNOWN.map((code) => ({ code, label: code, translated: true }));
  });

  /** Reads the list once; later calls reuse it. */
  load(): void {
    if (this.requested) return;
    this.requested = true;
    this.api.list().subscribe({
      next: (codes) => this.codes.set(codes),
      error: () => (this.requested = false),
    });
  }
}
