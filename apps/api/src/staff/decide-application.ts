import { DENIAL_REASON_LABELS, type DenialReasonCode, type StaffDecisionBody } from '@kakunin/schema/staff'
import type { AppDeps } from '#src/deps.ts'
import type { StateDeps } from '#src/state/transition.ts'
import { changeStatus } from '#src/state/transition.ts'
import { decidingPerson, type StaffIdentity } from './staff-auth.ts'

const FIELDS_OF_REASON: Partial<Record<DenialReasonCode, string[]>> = {
  ID_MISMATCH_NAME: ['user.familyName', 'user.givenName'],
  ID_MISMATCH_BIRTHDATE: ['user.birthDate'],
  ID_MISMATCH_ADDRESS: ['user.address'],
  AGENT_ID_MISMATCH: ['agent.agent.familyName', 'agent.agent.givenName', 'agent.agent.birthDate', 'agent.agent.address'],
}

/**
 * A reviewer's decision, through the transition module like any other: an approval needs a
 * verification of record (and, for a high-risk application, a 統括管理者 with a reason); a staff
 * denial behaves exactly as a provider's (the same `denial` for the correction page, the same email).
 */
export async function decideApplication(deps: StateDeps & Pick<AppDeps, 'clock'>, id: string, staff: StaffIdentity, body: StaffDecisionBody) {
  const now = deps.clock()
  const person = decidingPerson(staff)
  const denial =
    body.decision === 'DENY'
      ? {
          fields: [...new Set(body.reasonCodes.flatMap((code) => FIELDS_OF_REASON[code] ?? []))],
          hints: [...body.reasonCodes.map((code) => DENIAL_REASON_LABELS[code]), `担当者より: ${body.noteToApplicant}`],
        }
      : null
  const { to } = await changeStatus(deps, {
    applicationId: id,
    to: body.decision === 'APPROVE' ? 'APPROVED' : 'DENIED',
    actor: { type: 'STAFF', id: staff.id, role: staff.role },
    expectedVersion: body.version,
    event: {
      type: 'DECIDED',
      data: {
        decision: body.decision,
        keyName: staff.name,
        person,
        internalNote: body.internalNote ?? null,
        ...(body.decision === 'APPROVE' ? { reason: body.reason ?? null } : { reasonCodes: body.reasonCodes, noteToApplicant: body.noteToApplicant, denial }),
      },
    },
    ...(body.decision === 'APPROVE' && body.reason ? { evidence: { reason: body.reason } } : {}),
    now,
  })
  return { status: to }
}
