import { compareText, listPolicyInventory, type Evaluation } from '@netmap/engine';
import type { Finding } from '@netmap/model';
import { compareFindings } from './findings-by-severity.ts';
import type { PolicyRow } from './report-data.ts';

/** Every NetworkPolicy, valid or not, by namespace then name, with the findings that name it. */
export function buildPolicyRows(evaluation: Evaluation, findings: readonly Finding[]): PolicyRow[] {
  const about = (ref: string) =>
    findings
      .filter((f) => f.objects.includes(`NetworkPolicy ${ref}`))
      .sort(compareFindings)
      .map(({ id, severity, message }) => ({ id, severity, message }));
  const rows: PolicyRow[] = listPolicyInventory(evaluation.state).map((entry) => ({
    ...entry,
    findings: about(entry.ref),
  }));
  for (const invalid of evaluation.state.invalid.values()) {
    if (invalid.kind !== 'NetworkPolicy') continue;
    const slash = invalid.ref.indexOf('/');
    rows.push({
      ref: invalid.ref,
      namespace: invalid.ref.slice(0, slash),
      name: invalid.ref.slice(slash + 1),
      policyTypes: [],
      podSelector: '',
      selectedPods: 0,
      selectedWorkloads: [],
      error: invalid.error,
      findings: about(invalid.ref),
    });
  }
  return rows.sort((a, b) => compareText(a.namespace, b.namespace) || compareText(a.name, b.name));
}
