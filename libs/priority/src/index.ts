export * from './weights';
export * from './score';
export * from './aging';
export * from './assignment';
export { PRIORITY_WEIGHTS } from './priority.constants';
export { PriorityService } from './priority.service';
export { PriorityModule, type PriorityModuleAsyncOptions } from './priority.module';
export * from './policy-preview';
