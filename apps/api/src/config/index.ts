export * from './config.types';
export { buildConfig, ConfigError, parseDuration } from './configuration';
export { loadEnv } from './load-env';
