import { AgentStreamMessageSchema, type AgentStreamMessage } from '@syncsafe/contracts';
import WebSocket from 'ws';

export interface HeartbeatHandlers {
  onMessage(message: AgentStreamMessage): void;
  /** The stream ended (agent unreachable, closed); subscribe again to resume. */
  onClose?(reason: string): void;
}

export interface HeartbeatSubscription {
  /** Resolves once the agent accepted the subscription. */
  opened: Promise<void>;
  close(): void;
}

/** Subscribes to `GET /v1/heartbeats`; messages are validated against the contracts. */
export function openHeartbeatStream(url: string, authorization: string, handlers: HeartbeatHandlers): HeartbeatSubscription {
  const socket = new WebSocket(url, { headers: { authorization } });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) => reject(new Error(`heartbeat stream refused: HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
  opened.catch(() => undefined);
  socket.on('message', (data) => {
    const parsed = AgentStreamMessageSchema.safeParse(JSON.parse(String(data)));
    if (parsed.success) handlers.onMessage(parsed.data);
  });
  socket.on('close', (code, reason) => handlers.onClose?.(`${code} ${String(reason)}`.trim()));
  socket.on('error', () => undefined);
  return {
    opened,
    close: () => {
      if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
      else socket.close();
    },
  };
}
