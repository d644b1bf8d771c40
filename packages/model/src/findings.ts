/** How much a finding matters to a security review. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Something a reviewer should look at, attached to the objects involved. */
export interface Finding {
  /** Stable across evaluations of the same objects, e.g. `invalid-object:NetworkPolicy:shop/allow-web`. */
  id: string;
  severity: Severity;
  /** `Kind namespace/name` of each object involved. */
  objects: string[];
  message: string;
  fix?: string;
}
