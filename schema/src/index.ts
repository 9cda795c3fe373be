export * from './accounts.ts';
export * from './limits.ts';
export * from './live.ts';
export * from './questionnaire/index.ts';
export * from './socket-events.ts';
