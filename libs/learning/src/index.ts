export * from './random';
export * from './text';
export * from './naive-bayes';
export * from './calibration';
export * from './classifier';
export * from './weights-grid';
export * from './weights-search';
export * from './weights-learner';
