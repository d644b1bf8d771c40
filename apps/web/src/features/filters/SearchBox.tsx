import { useMemo, useState } from 'react';
import type { Topology } from '@netmap/model';
import { searchNodes } from '../map/search.ts';

/** Finds any object by name, label, IP or host, and selects it. */
export function SearchBox(props: { model: Topology | undefined; onPick: (id: string) => void }) {
  const [text, setText] = useState('');
  const [isOpen, setOpen] = useState(false);
  const matches = useMemo(
    () => (props.model && text.trim() ? searchNodes(props.model, text.trim(), 12) : []),
    [props.model, text],
  );
  const pick = (id: string) => {
    props.onPick(id);
    setOpen(false);
  };
  return (
    <div className="search" onBlur={() => setTimeout(() => setOpen(false), 150)}>
      <input
        type="search"
        aria-label="Search"
        placeholder="Find a pod, service, label, IP…"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && matches[0]) pick(matches[0].id);
          if (event.key === 'Escape') setOpen(false);
        }}
        spellCheck={false}
      />
      {isOpen && text.trim() && (
        <ul className="search-results" role="listbox" aria-label="Search results">
          {matches.length === 0 && <li className="muted">Nothing matches.</li>}
          {matches.map((match) => (
            <li key={match.id} role="option" aria-selected={false}>
              <button
                type="button"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(match.id)}
              >
                <span className="kind">{match.kind}</span> {match.name}
                {!match.name.includes(match.matched) && <span className="muted"> · {match.matched}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
