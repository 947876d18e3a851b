// Failure clusters: failures that share a cause, across entries and operations. A case's signature is the list of
// its failed checks, each with the kind of difference rather than the values that differ from entry to entry
// ("code: number → string", "message: ’ → '", "envelope B → A", "status 400 → 422"). A proxy that sends every
// envelope-B code as a string then shows as one cluster of 241 cases instead of 241 cards.

export interface ClusterCase {
  title: string;
  entry: string;
  operation: string;
  outcome: string;
  reason: string;
  checks: { check: string; expected: unknown; got: unknown; detail?: string }[];
  expected: { type: string | null };
  observed: { type?: unknown } | null;
}

export interface FailureCluster {
  signature: string;
  count: number;
  entries: string[];
  operations: string[];
  /** One case of the cluster, to read in full in the other reports. */
  example: { title: string; reason: string; checks: ClusterCase['checks'] };
}

/** Failures grouped by signature, largest first (ties by signature, so the order is stable). */
export function failureClusters(cases: readonly ClusterCase[]): FailureCluster[] {
  const groups = new Map<string, ClusterCase[]>();
  for (const c of cases) {
    if (c.outcome !== 'fail') continue;
    const signature = failureSignature(c);
    groups.set(signature, [...(groups.get(signature) ?? []), c]);
  }
  return [...groups]
    .map(([signature, members]): FailureCluster => {
      const [first] = members as [ClusterCase];
      return {
        signature,
        count: members.length,
        entries: [...new Set(members.map((c) => c.entry))],
        operations: [...new Set(members.map((c) => c.operation))],
        example: { title: first.title, reason: first.reason, checks: first.checks },
      };
    })
    .sort((a, b) => b.count - a.count || a.signature.localeCompare(b.signature));
}

/** "envelope B: /code must be integer + code: number → string". */
export function failureSignature(c: ClusterCase): string {
  if (c.checks.length === 0) return `no check named: ${c.reason.split('\n')[0] ?? ''}`;
  return c.checks.map((check) => differenceKind(check, c)).join(' + ');
}

function differenceKind(check: ClusterCase['checks'][number], c: ClusterCase): string {
  const { expected, got } = check;
  switch (check.check) {
    case 'status':
      return `status ${String(expected)} → ${String(got)}`;
    case 'code':
      return codeDifference(expected, got);
    case 'type':
      return got === undefined ? 'type missing' : `type ${String(expected)} → ${JSON.stringify(got)}`;
    case 'message':
      return messageDifference(expected, got);
    case 'envelope':
      return envelopeDifference(check, c);
    case 'content_type':
      return `content type → ${String(got ?? 'none').split(';')[0]}`;
    case 'body':
      return got === '' ? 'body empty' : 'body not a JSON object';
    default:
      return check.check;
  }
}

function codeDifference(expected: unknown, got: unknown): string {
  if (got === undefined) return 'code missing';
  if (typeof expected !== typeof got) {
    const same = String(expected) === String(got) ? '' : ' (another value)';
    return `code: ${typeof expected} → ${typeof got}${same}`;
  }
  return `code: another ${typeof got}`;
}

/** An envelope swapped (A answered as B or B as A), or the schema's complaints without their positions and counts. */
function envelopeDifference(check: ClusterCase['checks'][number], c: ClusterCase): string {
  const expectedEnvelope = c.expected.type === null ? 'B' : 'A';
  const observedType = c.observed?.type;
  if (expectedEnvelope === 'A' && observedType === undefined) return 'envelope A → B';
  if (expectedEnvelope === 'B' && typeof observedType === 'string') return 'envelope B → A';
  const complaints = (check.detail ?? '').replace(/^envelope [AB]:\s*/u, '').split(/,\s*(?=\/)/u);
  return `envelope ${expectedEnvelope}: ${[...new Set(complaints.map((s) => s.trim()))].sort().join(', ')}`;
}

/** The kind of change from the page's message: missing, case, trailing period or space, or the characters swapped. */
export function messageDifference(expected: unknown, got: unknown): string {
  if (got === undefined) return 'message missing';
  if (typeof expected !== 'string' || typeof got !== 'string') return `message: ${typeof expected} → ${typeof got}`;
  if (got.toLowerCase() === expected.toLowerCase()) return 'message: letter case';
  if (got === `${expected}.` || `${got}.` === expected) return 'message: trailing period';
  if (got.trimEnd() === expected.trimEnd()) return 'message: trailing whitespace';
  const swaps = substitutions(expected, got);
  return swaps && swaps.size <= 2 ? `message: ${[...swaps].sort().join(', ')}` : 'message: other text';
}

/**
 * The characters swapped, when the texts differ only by a few: position by position for texts of one length (’ for
 * ' wherever it occurs), else the one changed run between the common start and end. Linear: no diff of long texts.
 */
function substitutions(expected: string, got: string): Set<string> | null {
  const a = [...expected];
  const b = [...got];
  const swaps = new Set<string>();
  if (a.length === b.length) {
    a.forEach((char, i) => {
      if (char !== b[i]) swaps.add(`${char} → ${b[i]}`);
    });
    return swaps;
  }
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const removed = a.slice(start, a.length - end).join('');
  const added = b.slice(start, b.length - end).join('');
  if (removed.length > 2 || added.length > 2) return null;
  return new Set([`${removed || '∅'} → ${added || '∅'}`]);
}
