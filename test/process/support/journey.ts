import { plusMinutes } from './calendar';
import { type FiledComplaint } from './complaints';
import { type Lifecycle } from './lifecycle';
import { staff } from './staff';

/** What the forms of processes/forms/ submit on the usual way through a complaint. */
export const forms = {
  valid: {
    reviewOutcome: 'valid',
    reviewReason: '货物确有破损，投诉成立',
    preliminaryReply: '您的投诉已受理，储运部将在一个工作日内完成调查。',
  },
  /** The clerk packed badly, the manager supervises him; the loss is CNY 800. */
  companyAtFault: {
    facts: '装车时未加固，运输途中三件商品被压坏。',
    rootCause: '装车未按规范加固',
    responsibility: 'company',
    responsibleStaff: [
      { staffId: staff.transportClerk, role: 'direct' },
      { staffId: staff.transportManager, role: 'supervisor' },
    ],
    lossAmount: 800,
  },
  /** The customer left the goods out in the rain: nobody on our side is responsible. */
  customerAtFault: {
    facts: '客户签收后将货物露天存放，雨淋导致损坏。',
    rootCause: '客户保管不当',
    responsibility: 'customer',
    responsibleStaff: [],
    lossAmount: 800,
  },
  refund: (remedyAmount: number, now: Date) => ({
    remedy: 'refund',
    remedyAmount,
    remedyDeadline: plusMinutes(now, 3 * 24 * 60).toISOString(),
    remedyDescription: `退还损坏商品货款 ${remedyAmount} 元`,
  }),
  approve: { approvalDecision: 'approve', approvalComment: '同意' },
  sendBack: { approvalDecision: 'send_back', approvalComment: '金额依据不足，请补充说明' },
  carriedOut: (now: Date) => ({ resolutionCarriedOutAt: now.toISOString() }),
  satisfied: { resolved: true, satisfaction: 5, followUpComment: '客户表示满意' },
} as const;

/** An agent finds the complaint valid and writes the preliminary reply. */
export async function reviewAsValid(life: Lifecycle, complaint: FiledComplaint): Promise<void> {
  await life.complete(await life.taskFor(complaint, 'Task_ReviewValidity'), forms.valid, { as: staff.agent });
}

/** The transport clerk investigates and records the findings. */
export async function investigate(
  life: Lifecycle,
  complaint: FiledComplaint,
  findings: Record<string, unknown> = forms.companyAtFault,
): Promise<void> {
  const task = await life.taskFor(complaint, 'Task_Investigate');
  await life.complete(task, findings, { as: staff.transportClerk });
}

/** The clerk proposes a refund of `amount`. */
export async function proposeRefund(life: Lifecycle, complaint: FiledComplaint, amount = 800): Promise<void> {
  const task = await life.taskFor(complaint, 'Task_ProposeResolution');
  await life.complete(task, forms.refund(amount, life.now()), { as: staff.transportClerk });
}

/** The approver the amount requires approves (CNY 800: the department's team manager). */
export async function approve(
  life: Lifecycle,
  complaint: FiledComplaint,
  as: string = staff.transportManager,
): Promise<void> {
  await life.complete(await life.taskFor(complaint, 'Task_ApproveResolution'), forms.approve, { as });
}

/** The clerk carries the resolution out now. */
export async function carryOut(life: Lifecycle, complaint: FiledComplaint): Promise<void> {
  const task = await life.taskFor(complaint, 'Task_CarryOutResolution');
  await life.complete(task, forms.carriedOut(life.now()), { as: staff.transportClerk });
}

/** Valid, investigated (company at fault unless told), refund of CNY 800 approved and carried out: the result is sent. */
export async function handleUntilResult(
  life: Lifecycle,
  complaint: FiledComplaint,
  findings: Record<string, unknown> = forms.companyAtFault,
): Promise<void> {
  await reviewAsValid(life, complaint);
  await investigate(life, complaint, findings);
  await proposeRefund(life, complaint);
  await approve(life, complaint);
  await carryOut(life, complaint);
}

/** An agent visits the customer, who is satisfied; the complaint is then archived. */
export async function followUpSatisfied(life: Lifecycle, complaint: FiledComplaint): Promise<void> {
  const task = await life.taskFor(complaint, 'Task_FollowUpVisit');
  await life.complete(task, forms.satisfied, { as: staff.agent });
}
