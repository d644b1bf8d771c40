import type { MapElements } from '../map/elements.ts';

/** A node of the graph that stands for several objects (the Internet, a collapsed namespace or node). */
export function GroupPanel(props: { id: string; map: MapElements; onPick: (id: string) => void }) {
  const node = props.map.elements.nodes.find((each) => each.id === props.id);
  const members = props.map.members[props.id] ?? [];
  return (
    <section className="panel" aria-label="Details">
      <div className="details">
        <h3>{node?.label ?? props.id}</h3>
        {node?.caption && <p className="muted">{node.caption}</p>}
        {members.length > 0 && (
          <>
            <h4>Stands for</h4>
            <ul className="findings">
              {members.slice(0, 50).map((id) => (
                <li key={id}>
                  <button type="button" className="link" onClick={() => props.onPick(id)}>
                    {id.slice(id.indexOf(':') + 1)}
                  </button>
                </li>
              ))}
            </ul>
            {members.length > 50 && <p className="muted">… and {members.length - 50} more.</p>}
          </>
        )}
      </div>
    </section>
  );
}
