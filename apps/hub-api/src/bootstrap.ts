import { DynamicModule, ModuleMetadata } from '@nestjs/common';
import { ConfigError, HubConfig, loadConfig } from './config/hub-config';
import { createHubApp } from './app.factory';
import { HubApiModule } from './hub-api.module';

/**
 * Boots the hub: validated configuration, the API and whatever else shares the process,
 * listening on loopback unless HOST says otherwise.
 */
export async function bootstrap(
  extraModules: (config: HubConfig) => ModuleMetadata['imports'] = () => [],
): Promise<void> {
  let config: HubConfig;
  let root: DynamicModule;
  try {
    config = loadConfig();
    // Building the root module reads the modules' own settings (Kafka), which may refuse too.
    root = HubApiModule.forRoot(config, extraModules(config));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await createHubApp(root, config);
  await app.listen(config.port, config.host);
  const url = `http://${config.host}:${config.port}`;
  console.log(
    `hub listening on ${url} (OpenAPI ${url}/docs, health ${url}/health); data in ${config.dataDir}`,
  );
  if (config.jwt.generated) {
    console.log(
      `HUB_JWT_SECRET not set: using the generated secret in ${config.dataDir}/jwt-secret.\n` +
        `Mint a token with: TOKEN=$(npm run --silent token -- --sub alice --email alice@example.com --roles CSAM)`,
    );
  }
}
