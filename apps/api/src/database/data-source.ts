import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { buildConfig, loadEnv } from '../config';
import { buildDataSourceOptions } from './database-options';

/** For the TypeORM CLI only (`npm run migration:run`); the app builds its own. */
export default new DataSource({
  ...buildDataSourceOptions(buildConfig(loadEnv()).database),
  migrationsRun: false,
});
