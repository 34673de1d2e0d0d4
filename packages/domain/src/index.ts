export * from './audit-chain.ts';
