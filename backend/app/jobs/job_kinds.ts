import type { TenantScope } from '#shared/scope'

/** What a running job can do besides its work: report progress and write its result file. */
export interface JobContext {
  jobId: string
  params: Record<string, unknown>
  /** Records progress (rows done of total); visible to the job's owner at once. */
  progress(done: number, total?: number | null): Promise<void>
  /** Path of the job's result file in the tenant's file area. */
  resultPath(extension: string): string
  /**
   * Runs a piece of the work in a fresh, short transaction of the job's tenant, as its owner.
   * Jobs work in batches of such transactions rather than one long one.
   */
  inScope<T>(work: (scope: TenantScope) => Promise<T>): Promise<T>
}

/** A kind of job: the permission its owner needs, and the work; the result may name a `file`. */
export interface JobKind {
  permission: string
  run(job: JobContext): Promise<Record<string, unknown>>
}

const kinds = new Map<string, JobKind>()

/** Registers a job kind under its name (e.g. `audit.export`). */
export function defineJobKind(name: string, kind: JobKind) {
  kinds.set(name, kind)
}

/** The registered job kind, or undefined. */
export function jobKind(name: string): JobKind | undefined {
  return kinds.get(name)
}
