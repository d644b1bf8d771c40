import { useEffect, useRef } from 'react';

/** A policy's YAML with line numbers; the lines of one rule highlighted and scrolled into view. */
export function PolicyYamlView(props: { yaml: string; highlight?: { line: number; endLine: number } }) {
  const marked = useRef<HTMLSpanElement>(null);
  // A block body: Chromium's scrollIntoView returns a promise, which React would take for a cleanup.
  useEffect(() => {
    marked.current?.scrollIntoView?.({ block: 'center' });
  }, [props.highlight]);
  const lines = props.yaml.replace(/\n$/, '').split('\n');
  const { line: first = 0, endLine: last = -1 } = props.highlight ?? {};
  return (
    <pre className="policy-yaml">
      <code>
        {lines.map((text, index) => {
          const number = index + 1;
          const isMarked = number >= first && number <= last;
          return (
            <span
              key={number}
              className={isMarked ? 'yaml-line marked' : 'yaml-line'}
              ref={number === first ? marked : undefined}
            >
              <span className="line-number" aria-hidden="true">
                {number}
              </span>
              {text}
              {'\n'}
            </span>
          );
        })}
      </code>
    </pre>
  );
}
