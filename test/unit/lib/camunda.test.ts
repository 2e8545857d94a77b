import { camundaSettings, configuredCluster, embeddedEngine } from '../../../lib/camunda';
import { loadConfig } from '../../../lib/config';
import { createLogger } from '../../../lib/logger';

const log = createLogger({ level: 'silent', pretty: false });

test('for the embedded engine the settings carry its addresses and no authentication, flat', () => {
  // given
  const engine = embeddedEngine({
    grpcAddress: 'grpc://127.0.0.1:26500',
    restAddress: 'http://127.0.0.1:8080',
  });
  // when
  const settings = camundaSettings(engine, log);
  // then
  expect(settings).toMatchObject({
    ZEEBE_GRPC_ADDRESS: 'grpc://127.0.0.1:26500',
    ZEEBE_REST_ADDRESS: 'http://127.0.0.1:8080',
    CAMUNDA_AUTH_STRATEGY: 'NONE',
  });
  expect(settings).not.toHaveProperty('config');
});

test("for a configured cluster the settings carry its addresses and leave authentication to the SDK's own variables", () => {
  // given
  const config = loadConfig({
    ZEEBE_GRPC_ADDRESS: 'grpcs://zeebe.example.com:443',
    ZEEBE_REST_ADDRESS: 'https://zeebe.example.com',
  });
  // when
  const settings = camundaSettings(configuredCluster(config)!, log);
  // then
  expect(settings).toMatchObject({
    ZEEBE_GRPC_ADDRESS: 'grpcs://zeebe.example.com:443',
    ZEEBE_REST_ADDRESS: 'https://zeebe.example.com',
  });
  expect(settings).not.toHaveProperty('CAMUNDA_AUTH_STRATEGY');
});

test('without ZEEBE_GRPC_ADDRESS there is no cluster: the embedded engine is to be started', () => {
  // when
  const target = configuredCluster(loadConfig({}));
  // then
  expect(target).toBeUndefined();
});
