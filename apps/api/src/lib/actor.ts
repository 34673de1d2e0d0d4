import type { FastifyRequest } from 'fastify';
import type { Actor } from '../services/audit/append-audit.ts';

export function actorOf(request: FastifyRequest): Actor {
  const p = request.principal;
  return p
    ? { id: p.userId, name: p.username, role: p.role, ip: request.ip }
    : { id: null, name: 'anonymous', role: null, ip: request.ip };
}
