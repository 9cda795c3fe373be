export * from './limits.ts';
export * from './socket-events.ts';
