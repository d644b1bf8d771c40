/** Handlers by event name, each a function. */
type EventMap<Events> = { [E in keyof Events]: (...args: never[]) => void };

/** A minimal typed event emitter: `on` hands back its own unsubscribe. */
export interface Emitter<Events extends EventMap<Events>> {
  on<E extends keyof Events>(event: E, handler: Events[E]): () => void;
  emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void;
  clear(): void;
}

/** An emitter with no handlers yet. */
export function createEmitter<Events extends EventMap<Events>>(): Emitter<Events> {
  const handlers = new Map<keyof Events, Set<Events[keyof Events]>>();
  return {
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      set.add(handler);
      return () => void set.delete(handler);
    },
    emit(event, ...args) {
      for (const handler of [...(handlers.get(event) ?? [])]) {
        (handler as (...values: Parameters<Events[typeof event]>) => void)(...args);
      }
    },
    clear() {
      handlers.clear();
    },
  };
}
