import { hasAnyPermission, SessionStatus } from '../../auth/auth.reducer';

/** What the embedded call bar page shows. */
export type EmbedView =
  'not_framed' | 'restoring' | 'sign_in' | 'other_org' | 'no_permission' | 'call_bar';

/** The facts the page's view follows. */
export interface EmbedFacts {
  /** Whether a page frames this one. */
  readonly framed: boolean;
  readonly status: SessionStatus;
  /** Slug of the organisation signed in to (null: nobody). */
  readonly signedInTo: string | null;
  /** Slug of the organisation the URL names. */
  readonly slug: string;
  readonly permissions: ReadonlySet<string>;
}

/**
 * The call bar only for an agent (`calls.handle`) of the URL's organisation, inside a frame; a
 * sign-in otherwise (a session of another organisation is replaced by signing in again).
 */
export function embedView(facts: EmbedFacts): EmbedView {
  if (!facts.framed) return 'not_framed';
  if (facts.status === 'restoring') return 'restoring';
  if (facts.status !== 'authenticated') return 'sign_in';
  if (facts.signedInTo !== facts.slug) return 'other_org';
  return hasAnyPermission(facts.permissions, ['calls.handle']) ? 'call_bar' : 'no_permission';
}
