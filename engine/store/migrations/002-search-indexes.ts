import { type Migration } from '../migrate';

/**
 * Indexes for the REST API v2 searches (engine/api/queries): user tasks by state and creation
 * date and by candidate group or user (jsonb containment), element instances by scope, variables
 * by name, incidents by state, process instances by state.
 */
export const searchIndexes: Migration = {
  id: '002-search-indexes',
  sql: `
CREATE INDEX user_task_state_creation ON user_task (state, creation_date);
CREATE INDEX user_task_candidate_groups ON user_task USING gin (candidate_groups);
CREATE INDEX user_task_candidate_users ON user_task USING gin (candidate_users);
CREATE INDEX element_instance_flow_scope ON element_instance (flow_scope_key);
CREATE INDEX element_instance_process_state ON element_instance (state, start_date) WHERE element_type = 'PROCESS';
CREATE INDEX variable_name ON variable (name);
CREATE INDEX incident_state_creation ON incident (state, creation_time);
`,
};
