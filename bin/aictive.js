#!/usr/bin/env node
// The `aictive` bin: runs the TypeScript entry point through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('./aictive.ts');
