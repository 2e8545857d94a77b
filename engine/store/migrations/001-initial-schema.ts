import { type Migration } from '../migrate';

/**
 * The engine's state. Live entities are loaded into memory at start-up (`state` columns tell which);
 * finished ones stay as history for searches (element instances, variables, jobs, user tasks,
 * incidents). Timers, subscriptions and messages are deleted once done. All times are epoch ms.
 */
export const initialSchema: Migration = {
  id: '001-initial-schema',
  sql: `
CREATE TABLE meta (
  name text PRIMARY KEY,
  value jsonb NOT NULL
);

CREATE TABLE deployment (
  key bigint PRIMARY KEY,
  created_at bigint NOT NULL,
  tenant_id text NOT NULL
);

CREATE TABLE process_definition (
  key bigint PRIMARY KEY,
  bpmn_process_id text NOT NULL,
  version integer NOT NULL,
  version_tag text,
  name text,
  resource_name text NOT NULL,
  checksum text NOT NULL,
  xml text NOT NULL,
  deployment_key bigint NOT NULL REFERENCES deployment (key),
  created_at bigint NOT NULL,
  tenant_id text NOT NULL,
  UNIQUE (tenant_id, bpmn_process_id, version)
);

CREATE TABLE form (
  key bigint PRIMARY KEY,
  form_id text NOT NULL,
  version integer NOT NULL,
  resource_name text NOT NULL,
  checksum text NOT NULL,
  schema text NOT NULL,
  deployment_key bigint NOT NULL REFERENCES deployment (key),
  created_at bigint NOT NULL,
  tenant_id text NOT NULL,
  UNIQUE (tenant_id, form_id, version)
);

-- Process instances are the element instances of type PROCESS (key = process instance key).
CREATE TABLE element_instance (
  key bigint PRIMARY KEY,
  process_instance_key bigint NOT NULL,
  flow_scope_key bigint,
  element_id text NOT NULL,
  element_type text NOT NULL,
  state text NOT NULL,
  process_definition_key bigint NOT NULL,
  bpmn_process_id text NOT NULL,
  version integer NOT NULL,
  parent_process_instance_key bigint,
  parent_element_instance_key bigint,
  incident_key bigint,
  start_date bigint NOT NULL,
  end_date bigint,
  tenant_id text NOT NULL,
  runtime jsonb
);
CREATE INDEX element_instance_live ON element_instance (key) WHERE end_date IS NULL;
CREATE INDEX element_instance_process_instance ON element_instance (process_instance_key);
CREATE INDEX element_instance_processes ON element_instance (bpmn_process_id, start_date) WHERE element_type = 'PROCESS';

CREATE TABLE variable (
  key bigint PRIMARY KEY,
  scope_key bigint NOT NULL,
  process_instance_key bigint NOT NULL,
  name text NOT NULL,
  value jsonb,
  tenant_id text NOT NULL
);
CREATE INDEX variable_scope ON variable (scope_key, name);
CREATE INDEX variable_process_instance ON variable (process_instance_key);

CREATE TABLE job (
  key bigint PRIMARY KEY,
  type text NOT NULL,
  state text NOT NULL,
  process_instance_key bigint NOT NULL,
  element_instance_key bigint NOT NULL,
  element_id text NOT NULL,
  retries integer NOT NULL,
  worker text,
  deadline bigint,
  retry_at bigint,
  error_message text,
  end_date bigint,
  runtime jsonb NOT NULL
);
CREATE INDEX job_live ON job (key) WHERE end_date IS NULL;
CREATE INDEX job_process_instance ON job (process_instance_key);

CREATE TABLE user_task (
  key bigint PRIMARY KEY,
  state text NOT NULL,
  process_instance_key bigint NOT NULL,
  element_instance_key bigint NOT NULL,
  element_id text NOT NULL,
  bpmn_process_id text NOT NULL,
  assignee text,
  candidate_groups jsonb NOT NULL,
  candidate_users jsonb NOT NULL,
  priority integer NOT NULL,
  creation_date bigint NOT NULL,
  completion_date bigint,
  tenant_id text NOT NULL,
  runtime jsonb NOT NULL
);
CREATE INDEX user_task_live ON user_task (key) WHERE completion_date IS NULL;
CREATE INDEX user_task_process_instance ON user_task (process_instance_key);

CREATE TABLE incident (
  key bigint PRIMARY KEY,
  state text NOT NULL,
  error_type text NOT NULL,
  error_message text NOT NULL,
  process_instance_key bigint NOT NULL,
  element_instance_key bigint NOT NULL,
  element_id text NOT NULL,
  job_key bigint,
  bpmn_process_id text NOT NULL,
  process_definition_key bigint NOT NULL,
  creation_time bigint NOT NULL,
  resolved_at bigint,
  tenant_id text NOT NULL
);
CREATE INDEX incident_live ON incident (key) WHERE resolved_at IS NULL;
CREATE INDEX incident_process_instance ON incident (process_instance_key);

CREATE TABLE timer (
  key bigint PRIMARY KEY,
  due_at bigint NOT NULL,
  runtime jsonb NOT NULL
);

CREATE TABLE message_subscription (
  key bigint PRIMARY KEY,
  message_name text NOT NULL,
  correlation_key text NOT NULL,
  runtime jsonb NOT NULL
);

CREATE TABLE signal_subscription (
  key bigint PRIMARY KEY,
  signal_name text NOT NULL,
  runtime jsonb NOT NULL
);

CREATE TABLE message (
  key bigint PRIMARY KEY,
  name text NOT NULL,
  correlation_key text NOT NULL,
  message_id text,
  expires_at bigint NOT NULL,
  runtime jsonb NOT NULL
);

-- The append-only history of what happened, in order (position), per process instance.
CREATE TABLE record (
  position bigserial PRIMARY KEY,
  key bigint NOT NULL,
  process_instance_key bigint,
  value_type text NOT NULL,
  intent text NOT NULL,
  timestamp bigint NOT NULL,
  value jsonb NOT NULL
);
CREATE INDEX record_process_instance ON record (process_instance_key, position);
`,
};
