import type { AgentStreamMessage } from '@syncsafe/contracts';
import type { AgentClient } from '@syncsafe/agent-client';

/** Subscribes to an agent's heartbeat stream and lets a test await the messages it needs. */
export function collectStream(client: AgentClient) {
  const messages: AgentStreamMessage[] = [];
  const waiters: Array<{ match: (m: AgentStreamMessage) => boolean; resolve: (m: AgentStreamMessage) => void }> = [];
  let resolveClosed: (reason: string) => void = () => undefined;
  const closed = new Promise<string>((resolve) => {
    resolveClosed = resolve;
  });
  const subscription = client.subscribe({
    onMessage: (message) => {
      messages.push(message);
      for (const waiter of [...waiters]) {
        if (!waiter.match(message)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    },
    onClose: (reason) => resolveClosed(reason),
  });
  return {
    messages,
    opened: subscription.opened,
    closed,
    close: () => subscription.close(),
    /** The first message (already received or still to come) that matches. */
    next(match: (m: AgentStreamMessage) => boolean): Promise<AgentStreamMessage> {
      const seen = messages.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}
