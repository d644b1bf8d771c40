/** How much a finding matters to a security review. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/**
 * What kind of problem a finding is: a path from outside the cluster (`exposure`), pods or
 * namespaces no policy isolates (`unprotected`), policy parts that do nothing (`dead-policy`),
 * Services and Ingresses that do not reach their pods (`wiring`), a network plugin that does not
 * enforce policies (`enforcement`), Services one failure away from going down (`availability`),
 * or objects the engine could not read (`invalid`).
 */
export type FindingCategory =
  'exposure' | 'unprotected' | 'dead-policy' | 'wiring' | 'enforcement' | 'availability' | 'invalid';

/** Something a reviewer should look at, attached to the objects involved. */
export interface Finding {
  /**
   * Stable across evaluations of the same objects, whatever their order, and unique: one finding
   * per problem, e.g. `invalid-object:NetworkPolicy:shop/allow-web`. The part before the first `:`
   * names the kind of finding.
   */
  id: string;
  severity: Severity;
  /** `Kind namespace/name` of each object involved. */
  objects: string[];
  message: string;
  fix?: string;
  category?: FindingCategory;
}
