export * from './address-policy';
export * from './backoff';
export * from './events';
