import { useEffect, useState } from 'react';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'stale';

const TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  stale: 'Stale',
};

/** Live / reconnecting / stale, with the age of the data once it may be out of date. */
export function ConnectionIndicator(props: { state: ConnectionState; lastEventAt: number | undefined }) {
  const now = useNow(props.state === 'live' ? undefined : 1000);
  const age = props.lastEventAt === undefined ? undefined : formatAge(now - props.lastEventAt);
  return (
    <span className={`connection connection-${props.state}`} data-testid="connection">
      <span className="dot" aria-hidden="true" />
      {TEXT[props.state]}
      {props.state !== 'live' && age && <span className="muted"> · data from {age} ago</span>}
    </span>
  );
}

function useNow(intervalMs: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (intervalMs === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** "5 s", "3 min", "2 h". */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}
