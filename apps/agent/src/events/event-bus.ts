import type { AgentEvent } from '@syncsafe/contracts';

type Listener = (event: AgentEvent) => void;

/** Things that happen inside the agent, for the heartbeat stream. Services publish; sockets subscribe. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  publish(event: AgentEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
