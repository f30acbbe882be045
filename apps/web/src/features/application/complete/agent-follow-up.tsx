import { Link } from 'wouter'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { useCurrentVerification } from '#src/features/application/api/get-current-verification.ts'
import { VERIFY_PATH } from '#src/features/application/apply-paths.ts'
import { AgentEvidence } from '#src/features/application/verify/agent-evidence.tsx'
import { agentPhase, verificationPhase } from '#src/features/application/verify/verification-phase.ts'

/** Until a decision, お申し込み完了 still has the 代理人's part to finish: the other phone, the ground's evidence. */
const OPEN_STATUSES: readonly string[] = ['IN_REVIEW', 'ENHANCED_REVIEW']

export const hasAgent = (application: ApplicantApplication) => application.answers.agent?.hasAgent === 'YES'

/**
 * With a 代理人, what is left of the verification while the review goes on: a person whose phone
 * flow is not done yet (from an emailed link, the page may be opened before both are), and the
 * upload of the evidence of the agent's ground until it is decided.
 */
export function AgentFollowUp({ application }: { application: ApplicantApplication }) {
  // The verification is read only while the review is open.
  if (!OPEN_STATUSES.includes(application.status)) return null
  return <OpenAgentFollowUp application={application} />
}

function OpenAgentFollowUp({ application }: { application: ApplicantApplication }) {
  const { data } = useCurrentVerification(application.id)
  const agent = data?.agent
  if (!data || !agent) return null
  const waiting = [
    verificationPhase(data) !== 'finished' && '利用者ご本人',
    agentPhase(data) !== 'finished' && `代理人（${agent.name} 様）`,
  ].filter((name): name is string => Boolean(name))
  return (
    <>
      {waiting.length > 0 && (
        <div className="notice notice-action">
          <p>
            <strong>{waiting.join('と')}の本人確認がまだ完了していません。</strong>
          </p>
          <p>
            <Link href={VERIFY_PATH}>身元確認用フォーム</Link>
            で、QRコードを表示して本人確認を行ってください。おふたりの本人確認が完了するまで、審査は完了しません。
          </p>
        </div>
      )}
      {!agent.groundDecided && <AgentEvidence applicationId={application.id} agent={agent} />}
    </>
  )
}
