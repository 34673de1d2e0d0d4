#!/usr/bin/env node
// `syncsafe-agent --name web01 --port 6320 --data <dir>`: runs the TypeScript entry through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
