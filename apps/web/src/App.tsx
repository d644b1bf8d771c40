import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ModelStream } from './api/index.ts';
import { Netmap } from './Netmap.tsx';

/** netmap's page, with the query cache that the page's one model stream fills. */
export function App(props: { queryClient: QueryClient; stream: ModelStream }) {
  return (
    <QueryClientProvider client={props.queryClient}>
      <Netmap stream={props.stream} />
    </QueryClientProvider>
  );
}
