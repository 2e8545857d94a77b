import type { MigrationInterface } from 'typeorm';
import { ComplaintRecords1795363100000 } from './1795363100000-ComplaintRecords';
import { Organisation1795363200000 } from './1795363200000-Organisation';
import { Policies1795363300000 } from './1795363300000-Policies';
import { Outcomes1795363400000 } from './1795363400000-Outcomes';
import { Notifications1795370000000 } from './1795370000000-Notifications';
import { ClosingMetrics1795380000000 } from './1795380000000-ClosingMetrics';
import { ApiAccess1795390000000 } from './1795390000000-ApiAccess';
import { AnsweredKeysOnly1795400000000 } from './1795400000000-AnsweredKeysOnly';
import { FingerprintsByTime1795410000000 } from './1795410000000-FingerprintsByTime';
import { KeyScopes1795420000000 } from './1795420000000-KeyScopes';
import { StaffTokenRevocation1795430000000 } from './1795430000000-StaffTokenRevocation';

/** Every migration of the application schema, in order (file names `<timestamp>-PascalName.ts`). Append only. */
export const migrations: (new () => MigrationInterface)[] = [
  ComplaintRecords1795363100000,
  Organisation1795363200000,
  Policies1795363300000,
  Outcomes1795363400000,
  Notifications1795370000000,
  ClosingMetrics1795380000000,
  ApiAccess1795390000000,
  AnsweredKeysOnly1795400000000,
  FingerprintsByTime1795410000000,
  KeyScopes1795420000000,
  StaffTokenRevocation1795430000000,
];
