export * from './calendar-spec';
export * from './calendar';
export * from './policy';
export * from './sla';
export * from './breach';
