import type { Role } from '@syncsafe/contracts';
import type { Database } from '@syncsafe/db';
import type { Config } from './config.ts';
import type { AgentDirectory } from './services/operations/agent-port.ts';
import type { SecretBox } from './services/secret-box.ts';

/** Who is calling, once authenticated. A token's role is capped by its creator's current role. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: Config;
    secretBox: SecretBox;
    /** Agents by console server id (address, port, decrypted local account). */
    agents: AgentDirectory;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Audit action name of a state-changing route, used to record refusals. */
    audit?: string;
  }
}
