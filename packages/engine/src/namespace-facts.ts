import type { MatchResult } from '@netmap/model';
import { matchSelector, type CompiledSelector, type LabelFacts } from './label-selector.ts';
import { FULL_VISIBILITY, type Visibility } from './visibility.ts';

/** The label the API server sets on every namespace. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Labels of every namespace, whether its NetworkPolicies could be read, and a cache of which
 * namespaceSelector selects which namespace (a cluster has few namespaces and its policies repeat
 * few distinct namespaceSelectors).
 */
export class NamespaceFacts {
  private readonly labelsByName = new Map<string, LabelFacts>();
  private readonly cache = new Map<string, Map<string, MatchResult>>();
  private visibility: Visibility = FULL_VISIBILITY;
  private policiesRead: ReadonlySet<string> | 'all' = 'all';

  /** Records a namespace; `labels` undefined when they could not be read. */
  set(name: string, labels: Record<string, string> | undefined): void {
    // The API server adds kubernetes.io/metadata.name=<name> to every namespace.
    this.labelsByName.set(name, {
      labels: { ...labels, [NAMESPACE_NAME_LABEL]: name },
      complete: labels !== undefined,
    });
    for (const results of this.cache.values()) results.delete(name);
  }

  delete(name: string): void {
    this.labelsByName.delete(name);
    for (const results of this.cache.values()) results.delete(name);
  }

  has(name: string): boolean {
    return this.labelsByName.has(name);
  }

  names(): string[] {
    return [...this.labelsByName.keys()].sort();
  }

  /**
   * What is known of a namespace's labels. A namespace that the input does not hold (manifests
   * that only name it) is taken to carry just its name label, as `kubectl create namespace` makes it,
   * unless Namespace objects could not be read: then only its name label is known.
   */
  labelsOf(name: string): LabelFacts {
    return (
      this.labelsByName.get(name) ?? {
        labels: { [NAMESPACE_NAME_LABEL]: name },
        complete: this.visibility.namespaceLabels,
      }
    );
  }

  /** What the source could read, as last recorded. */
  get readable(): Visibility {
    return this.visibility;
  }

  /** Whether the labels of namespaces the input does not hold are known (Namespace objects could be read). */
  get areLabelsRead(): boolean {
    return this.visibility.namespaceLabels;
  }

  /** Whether the NetworkPolicies of a namespace could be read. */
  arePoliciesRead(name: string): boolean {
    return this.policiesRead === 'all' || this.policiesRead.has(name);
  }

  /**
   * Records what the source could read; returns the namespaces among `names` whose facts this
   * changes: `policies` those whose NetworkPolicies became readable or unreadable, `labels` whether
   * every namespace's labels did.
   */
  setVisibility(visibility: Visibility, names: Iterable<string>): { policies: string[]; labels: boolean } {
    const before = this.policiesRead;
    const labels = visibility.namespaceLabels !== this.visibility.namespaceLabels;
    this.visibility = visibility;
    this.policiesRead = visibility.policies === 'all' ? 'all' : new Set(visibility.policies);
    const policies = [...new Set(names)].filter(
      (name) => (before === 'all' || before.has(name)) !== this.arePoliciesRead(name),
    );
    if (labels) this.cache.clear();
    return { policies, labels };
  }

  matches(selector: CompiledSelector, namespace: string): MatchResult {
    let results = this.cache.get(selector.key);
    if (!results) this.cache.set(selector.key, (results = new Map()));
    let result = results.get(namespace);
    if (result === undefined) {
      result = matchSelector(selector, this.labelsOf(namespace));
      results.set(namespace, result);
    }
    return result;
  }
}
