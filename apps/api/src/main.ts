import 'reflect-metadata';

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
  // Loaded only after the configuration is known to be good, so a bad one fails in a blink.
  const { createApp } = await import('./bootstrap.js');
  const app = await createApp(config);
  await app.listen({ port: config.http.port, host: config.http.host });
}

main().catch((error: unknown) => {
  console.error('The service could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
