import { createHash, randomBytes } from 'node:crypto';

/** 128 bits of randomness for session cookies, base64url. */
export const newSessionToken = () => randomBytes(16).toString('base64url');

export const API_TOKEN_PREFIX = 'ssc_';
/** 256 bits for API tokens, recognisable by their prefix in logs and secret scanners. */
export const newApiToken = () => API_TOKEN_PREFIX + randomBytes(32).toString('base64url');

/** Tokens are stored as SHA-256: they are high-entropy, so a slow hash adds nothing. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
