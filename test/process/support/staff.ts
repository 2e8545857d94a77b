/**
 * The demo staff seeded with the reference data (db/seed-demo-staff.ts), by what they do. Monthly
 * performance pay: agents and department staff 3 000, team managers 5 000, department heads 8 000,
 * the centre director 10 000.
 */
export const staff = {
  /** 投诉专员: complaint-centre-agents. */
  agent: 'demo.centre.agent1',
  otherAgent: 'demo.centre.agent2',
  /** 投诉中心组长: complaint-centre-team-managers, complaint-centre-supervisors; the agents' supervisor. */
  centreManager: 'demo.centre.manager',
  /** 投诉中心主任: complaint-centre-director, complaint-centre-supervisors. */
  centreDirector: 'demo.centre.director',
  /** 储运部专员: dept-storage-transport. */
  transportClerk: 'demo.storage_transport.staff1',
  /** 储运部组长: dept-storage-transport-managers; the clerk's supervisor. */
  transportManager: 'demo.storage_transport.manager',
  /** 储运部负责人: dept-storage-transport-head. */
  transportHead: 'demo.storage_transport.head',
  /** 财务部专员: dept-finance. */
  financeClerk: 'demo.finance.staff1',
} as const;
