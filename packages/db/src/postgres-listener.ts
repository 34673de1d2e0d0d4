import pg from 'pg';
import { assertChannelName, type Unlisten } from './database.ts';

const RECONNECT_DELAY_MS = 1000;

/**
 * LISTEN needs a connection of its own (a pooled one would be handed to other queries). It is
 * opened on the first `listen`, re-opened after a connection loss with every channel re-LISTENed
 * (notifications sent meanwhile are lost: listeners re-read state anyway), and closed by `close`.
 */
export function createNotificationListener(databaseUrl: string) {
  const handlers = new Map<string, Set<(payload: string) => void>>();
  let connecting: Promise<pg.Client> | undefined;
  let isClosed = false;
  /** LISTEN / UNLISTEN one at a time: a pg client runs one query at a time. */
  let commands: Promise<unknown> = Promise.resolve();
  function command(client: pg.Client, sql: string): Promise<unknown> {
    const next = commands.then(() => client.query(sql));
    commands = next.catch(() => {});
    return next;
  }

  async function connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('notification', ({ channel, payload }) => {
      for (const handler of handlers.get(channel) ?? []) handler(payload ?? '');
    });
    // Without an 'error' listener a dropped connection would crash the process.
    client.on('error', () => dropClient(client));
    client.on('end', () => dropClient(client));
    await client.connect();
    for (const channel of handlers.keys()) await command(client, `LISTEN "${channel}"`);
    return client;
  }

  function startConnecting(): Promise<pg.Client> {
    const attempt = connect();
    connecting = attempt;
    attempt.catch(() => {
      if (connecting === attempt) connecting = undefined;
    });
    return attempt;
  }

  function dropClient(lost: pg.Client): void {
    const current = connecting;
    void current?.then((active) => {
      if (active !== lost || connecting !== current) return;
      connecting = undefined;
      scheduleReconnect();
    }, () => {});
  }

  function scheduleReconnect(): void {
    setTimeout(() => {
      if (isClosed || connecting || handlers.size === 0) return;
      startConnecting().catch(() => scheduleReconnect());
    }, RECONNECT_DELAY_MS).unref();
  }

  return {
    async listen(channel: string, onPayload: (payload: string) => void): Promise<Unlisten> {
      assertChannelName(channel);
      if (isClosed) throw new Error('database is closed');
      let channelHandlers = handlers.get(channel);
      const isNewChannel = channelHandlers === undefined;
      if (!channelHandlers) handlers.set(channel, (channelHandlers = new Set()));
      channelHandlers.add(onPayload);
      const client = await (connecting ?? startConnecting());
      if (isNewChannel) await command(client, `LISTEN "${channel}"`);
      return async () => {
        channelHandlers.delete(onPayload);
        if (channelHandlers.size > 0 || handlers.get(channel) !== channelHandlers) return;
        handlers.delete(channel);
        const current = await connecting?.catch(() => undefined);
        if (current) await command(current, `UNLISTEN "${channel}"`).catch(() => {});
      };
    },
    async close(): Promise<void> {
      isClosed = true;
      const current = await connecting?.catch(() => undefined);
      connecting = undefined;
      await current?.end().catch(() => {});
    },
  };
}
