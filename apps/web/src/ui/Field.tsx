import { useId, type ReactNode } from 'react';

/**
 * A form control with its label. The label points at the control by id rather than wrapping it,
 * so the control's accessible name is the label's text alone (a wrapped select would add its
 * options' text to its name).
 */
export function Field(props: { label: string; className?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={props.className ? `field ${props.className}` : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(id)}
    </div>
  );
}
