import type { MatchResult } from '@netmap/model';
import { matchSelector, type CompiledSelector, type LabelFacts } from './label-selector.ts';

/** The label the API server sets on every namespace. */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Labels of every namespace, and a cache of which namespaceSelector selects which namespace
 * (a cluster has few namespaces and its policies repeat few distinct namespaceSelectors).
 */
export class NamespaceFacts {
  private readonly labelsByName = new Map<string, LabelFacts>();
  private readonly cache = new Map<string, Map<string, MatchResult>>();

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
   * that only name it) is taken to carry just its name label, as `kubectl create namespace` makes it.
   */
  labelsOf(name: string): LabelFacts {
    return this.labelsByName.get(name) ?? { labels: { [NAMESPACE_NAME_LABEL]: name }, complete: true };
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
