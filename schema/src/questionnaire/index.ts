export * from './messages.ts';
export * from './model.ts';
export * from './validation.ts';
export * from './visibility.ts';
