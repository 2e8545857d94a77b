import {
  type ComplainantInput,
  type ComplaintIntake,
  type EvidenceInput,
  registerComplaint,
} from '../../../db/intake';
import { actors } from '../../../db/repositories/complaint-events.repository';
import { ComplaintsRepository } from '../../../db/repositories/complaints.repository';
import { EvidenceRepository } from '../../../db/repositories/evidence.repository';
import { startComplaintProcess } from '../../../processes/start-complaint-process';
import { type Harness } from './harness';
import { settled } from './settle';
import { NotYet, waitUntil } from './wait';

/** A complaint in the system: its record and the process instance that handles it. */
export interface FiledComplaint {
  readonly complaintId: string;
  readonly complaintNumber: string;
  readonly processInstanceKey: string;
}

/** The integrator's client id every test complaint comes from. */
export const TEST_CLIENT = 'process-tests';

/** Zhang San, who gives an e-mail address and a phone number. */
export const ZHANG_SAN: ComplainantInput = {
  name: '张三',
  email: 'zhang.san@example.com',
  phone: '13812345678',
};

/**
 * A transport complaint as the web form sends it: goods damaged in transit, CNY 800 claimed. The
 * classifier files it as transport / damage, so it is routed to the storage & transport department.
 */
export const DAMAGED_IN_TRANSIT: ComplaintIntake = {
  channel: 'web',
  source: 'external',
  subject: '货物运输途中破损',
  description: '收到的货物外包装破损，三件商品在运输中损坏，要求赔偿。',
  request: '赔偿损失',
  declaredCategory: 'transport',
  lossAmount: 800,
  language: 'zh-CN',
  clientId: TEST_CLIENT,
  complainant: ZHANG_SAN,
};

/**
 * Registers a complaint as the intake API does (record, number, history) and starts its process
 * (`complaint-received`); returns once the process has noted itself on the record and come to rest.
 */
export async function fileComplaint(
  h: Harness,
  intake: Partial<ComplaintIntake> = {},
): Promise<FiledComplaint> {
  const { complaintId, complaintNumber } = await registerComplaint(
    h.db,
    { ...DAMAGED_IN_TRANSIT, ...intake },
    h.now(),
  );
  await startComplaintProcess(h.t.zeebe, { complaintId, complaintNumber });
  const processInstanceKey = await waitUntil(`the process of complaint ${complaintNumber}`, async () => {
    const record = await new ComplaintsRepository(h.db.manager).getById(complaintId);
    if (!record.processInstanceKey) throw new NotYet('register-complaint has not noted its process yet');
    return record.processInstanceKey;
  });
  h.instances.add(processInstanceKey);
  await settled(h);
  return { complaintId, complaintNumber, processInstanceKey };
}

/** Publishes a message to the complaint's instance, failing if nothing there awaits it. */
async function tell(
  h: Harness,
  complaint: FiledComplaint,
  name: string,
  variables: Record<string, string | string[]>,
): Promise<void> {
  await h.t.rest.correlateMessage({ name, correlationKey: complaint.complaintNumber, variables });
  await settled(h);
}

/** The customer answers the result: accepts it, or appeals with a reason (001 第八条.4-5). */
export async function customerResponds(
  h: Harness,
  complaint: FiledComplaint,
  response: 'accept' | 'appeal',
  appealReason?: string,
): Promise<void> {
  await tell(h, complaint, 'customer-response', {
    customerResponse: response,
    ...(appealReason ? { appealReason } : {}),
  });
}

/** The customer withdraws the complaint (interrupts whatever is going on). */
export async function withdraw(
  h: Harness,
  complaint: FiledComplaint,
  withdrawalReason = '问题已自行解决',
): Promise<void> {
  await tell(h, complaint, 'complaint-withdrawn', { withdrawalReason });
}

/** A photo of the damage, as the upload endpoint stores it. */
export const PHOTO_OF_DAMAGE: EvidenceInput = {
  filename: 'damaged-box.jpg',
  contentType: 'image/jpeg',
  sizeBytes: 482_113,
  sha256: 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778',
  storageKey: 'evidence/damaged-box.jpg',
};

/** The customer sends more evidence: stored, then announced to the process (`evidence-added`). */
export async function addEvidence(
  h: Harness,
  complaint: FiledComplaint,
  items: readonly EvidenceInput[] = [PHOTO_OF_DAMAGE],
): Promise<string[]> {
  const evidenceIds = await new EvidenceRepository(h.db.manager).addEvidence(
    complaint.complaintId,
    items,
    actors.client(TEST_CLIENT),
    h.now(),
  );
  await tell(h, complaint, 'evidence-added', { evidenceIds });
  return evidenceIds;
}
