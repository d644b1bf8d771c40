import { useEffect, useRef } from 'react';

export interface MenuItem {
  label: string;
  onSelect: () => void;
}

/** A small menu at a point of the page; closes on a choice, Escape, or a click elsewhere. */
export function ContextMenu(props: {
  position: { x: number; y: number };
  items: MenuItem[];
  onClose: () => void;
}) {
  const menu = useRef<HTMLUListElement>(null);
  const { onClose } = props;
  useEffect(() => {
    menu.current?.querySelector('button')?.focus();
    const close = (event: Event) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !menu.current?.contains(event.target as Node)
      )
        onClose();
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [onClose]);
  return (
    <ul
      ref={menu}
      className="context-menu"
      role="menu"
      style={{ left: props.position.x, top: props.position.y }}
    >
      {props.items.map((item) => (
        <li key={item.label} role="none">
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              item.onSelect();
              onClose();
            }}
          >
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
