// The shape of a known deviation and of what applying them reports, apart from the logic (deviations.ts), so that
// results.ts can name them without an import cycle.

/** The fields of an answer a deviation can name; every failed check of a matching case must be among them. */
export const OBSERVABLE = ['status', 'type', 'code', 'message'] as const;
export type Observable = (typeof OBSERVABLE)[number];

export interface Deviation {
  entry: string;
  operation?: string;
  observed: Partial<Record<Observable, unknown>>;
  reason: string;
  /** YYYY-MM-DD, the last day (UTC) it applies. */
  expires: string;
}

export type AppliedDeviation = Pick<Deviation, 'entry' | 'reason' | 'expires'> & { operation?: string };

export interface DeviationReport {
  /** Failures reported as known deviations. */
  applied: number;
  /** Entries past their date that still match failures: those cases fail again. */
  expired: (AppliedDeviation & { cases: string[] })[];
  /** Entries whose cases ran and none failed as described: remove them. */
  stale: AppliedDeviation[];
}
