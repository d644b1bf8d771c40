import { useState, type FormEvent } from 'react';
import { PROTOCOLS, type Protocol } from '@netmap/model';
import { Field } from '../../ui/Field.tsx';
import type { QueryInput } from '../../view-state.ts';

/**
 * "Can From reach To on Port/Protocol?". Endpoints are typed as the server reads them (ns/pod,
 * ns/name[Kind], svc/ns/name, ingress/host/path, an IP); `suggestions` feed the autocomplete.
 */
export function QueryForm(props: {
  initial: QueryInput | null;
  suggestions: readonly string[];
  onCheck: (input: QueryInput) => void;
}) {
  const [from, setFrom] = useState(props.initial?.from ?? '');
  const [to, setTo] = useState(props.initial?.to ?? '');
  const [port, setPort] = useState(props.initial?.port ?? '80');
  const [protocol, setProtocol] = useState<Protocol>(props.initial?.protocol ?? 'TCP');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onCheck({ from: from.trim(), to: to.trim(), port: port.trim(), protocol });
  };
  return (
    <form className="query-form" onSubmit={submit}>
      <Field label="From">
        {(id) => (
          <input
            id={id}
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            list="endpoint-suggestions"
            placeholder="ns/pod, ns/name[Deployment], an IP"
            required
            spellCheck={false}
          />
        )}
      </Field>
      <Field label="To">
        {(id) => (
          <input
            id={id}
            value={to}
            onChange={(event) => setTo(event.target.value)}
            list="endpoint-suggestions"
            placeholder="ns/pod, svc/ns/name, ingress/host/path"
            required
            spellCheck={false}
          />
        )}
      </Field>
      <div className="query-form-row">
        <Field label="Port">
          {(id) => (
            <input
              id={id}
              value={port}
              onChange={(event) => setPort(event.target.value)}
              inputMode="numeric"
              pattern="[0-9]{1,5}"
              title="a port number from 1 to 65535"
              required
            />
          )}
        </Field>
        <Field label="Protocol">
          {(id) => (
            <select
              id={id}
              value={protocol}
              onChange={(event) => setProtocol(event.target.value as Protocol)}
            >
              {PROTOCOLS.map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">Check</button>
      </div>
      <datalist id="endpoint-suggestions">
        {props.suggestions.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
    </form>
  );
}
