export * from './chain';
export * from './redact';
