// Kubernetes' own forms: a namespace is a DNS label (63 characters at most), an object's name a
// DNS subdomain (253 at most).
const DNS_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';

export const NAMESPACE_PATTERN = `^${DNS_LABEL}$`;
export const NAME_PATTERN = `^${DNS_LABEL}(\\.${DNS_LABEL})*$`;
export const MAX_NAMESPACE_LENGTH = 63;
export const MAX_NAME_LENGTH = 253;

const namespaceForm = new RegExp(NAMESPACE_PATTERN);
const nameForm = new RegExp(NAME_PATTERN);

/** Whether the API server would take `namespace` and `name` for a namespaced object. */
export function isValidObjectName(namespace: string, name: string): boolean {
  return (
    namespace.length <= MAX_NAMESPACE_LENGTH &&
    namespaceForm.test(namespace) &&
    name.length <= MAX_NAME_LENGTH &&
    nameForm.test(name)
  );
}
