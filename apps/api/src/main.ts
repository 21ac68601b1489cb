import 'reflect-metadata';

import { createApp } from './bootstrap';
import { buildConfig, ConfigError, loadEnv, type AppConfig } from './config';

function loadConfigOrExit(): AppConfig {
  try {
    return buildConfig(loadEnv());
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) console.error(`Configuration error: ${problem}`);
      process.exit(1);
    }
    throw error;
  }
}

async function main() {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  await app.listen({ port: config.http.port, host: config.http.host });
}

main().catch((error: unknown) => {
  console.error('The service could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
