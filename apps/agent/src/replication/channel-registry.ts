import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ChannelHandler } from './channel-handler.ts';

/**
 * Receiving channels by id, and their tokens. A token is an HMAC of the channel id under the agent's
 * secret: nothing to store, and it opens exactly one channel (a compromised source cannot reach
 * another job, nor the console API).
 */
export class ChannelRegistry {
  private readonly handlers = new Map<string, ChannelHandler>();

  constructor(private readonly secret: Buffer) {}

  newChannelId(): string {
    return `ch-${randomUUID()}`;
  }

  tokenFor(channelId: string): string {
    return createHmac('sha256', this.secret).update(`channel:${channelId}`).digest('base64url');
  }

  isTokenValid(channelId: string, token: string): boolean {
    const expected = Buffer.from(this.tokenFor(channelId));
    const actual = Buffer.from(token);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  register(handler: ChannelHandler): void {
    this.handlers.set(handler.channelId, handler);
  }

  unregister(channelId: string): void {
    this.handlers.delete(channelId);
  }

  get(channelId: string): ChannelHandler | undefined {
    return this.handlers.get(channelId);
  }
}
