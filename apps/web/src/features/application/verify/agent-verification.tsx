import type { ApplicantApplication } from '@kakunin/schema/application'
import { ReferencePanel } from '#src/components/feedback/reference-panel.tsx'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { FirstRead } from './first-read.tsx'
import { EnhancedReview } from '#src/features/application/complete/enhanced-review.tsx'
import { ReviewState } from '#src/features/application/complete/review-state.tsx'
import { AgentEvidence } from './agent-evidence.tsx'
import { PersonSession } from './person-session.tsx'
import { AWAITING_A_PHONE, type VerificationFlow } from './use-verification-flow.ts'
import { agentPhase } from './verification-phase.ts'
import { Later, NextButton } from './verify-actions.tsx'

export const AGENT_NEXT_EXPLANATION = '利用者ご本人と代理人の方、おふたりのスマートフォンでの本人確認が完了すると、「次へ」を押せるようになります。'

/**
 * 身元確認用フォーム with a 代理人 (犯収法4条4項): the customer's and the agent's own eKYC, each in
 * its section with its QR code, then the evidence of the agent's ground; 次へ once both phones
 * are done. The application is IN_REVIEW as soon as one of them is, and still offers the other.
 */
export function AgentVerification({ application, flow }: { application: ApplicantApplication; flow: VerificationFlow }) {
  const { data, agent, phase, allDone, pastPhone, review } = flow
  const canStart = AWAITING_A_PHONE.includes(application.status)
  return (
    <>
      <PageHeading title="身元確認用フォーム">身元確認用フォーム</PageHeading>
      {!pastPhone && (
        <>
          <p>
            利用者ご本人と代理人の方、おひとりずつ本人確認を行います。それぞれのボタンを押すとQRコードが表示されます。ご自身のスマートフォンでご自身のQRコードを読み取り、ご自身の本人確認書類で本人確認を行ってください。
          </p>
          <p>おふたりの本人確認が完了したら、「次へ」を押してください。</p>
        </>
      )}
      <p>
        代理人の方がお手続きをする場合、犯罪収益移転防止法に基づき、利用者ご本人に加えて代理人の方の本人確認と、代理人としてお手続きいただけること（利用者ご本人との関係）の確認が必要です。
      </p>
      <ReferencePanel reference={application.reference} />

      <FirstRead flow={flow} />

      {data && agent && (
        <>
          <PersonSession
            person="customer"
            heading="利用者ご本人の本人確認"
            intro={<p>利用者ご本人のスマートフォンと、利用者ご本人の本人確認書類で行ってください。</p>}
            phase={phase}
            session={data.verification}
            canStart={canStart}
            onStart={flow.onStart}
            starting={flow.start.isPending}
            startError={flow.start.error?.message}
          />
          <PersonSession
            person="agent"
            heading={`代理人（${agent.name} 様）の本人確認`}
            intro={<p>代理人の方ご自身のスマートフォンと、代理人の方の本人確認書類で行ってください。</p>}
            phase={agentPhase(data) ?? undefined}
            session={agent.verification}
            canStart={canStart}
            onStart={flow.onStartAgent}
            starting={flow.startAgent.isPending}
            startError={flow.startAgent.error?.message}
          />
          {application.status !== 'DENIED' && <AgentEvidence applicationId={application.id} agent={agent} />}
        </>
      )}

      {/* Always on the page, so the end of the phones, then the verdict, is announced. */}
      <div className="verification-status" role="status" aria-live="polite">
        {pastPhone ? (
          <ReviewState application={application} />
        ) : (
          allDone && <p className="notice">おふたりのスマートフォンでの本人確認が完了しました。「次へ」を押してください。</p>
        )}
      </div>
      {review && <EnhancedReview applicationId={application.id} review={review} />}

      {application.status !== 'DENIED' && (
        <NextButton canGoOn={flow.canGoOn} moving={flow.moving} onNext={flow.onNext} explanation={AGENT_NEXT_EXPLANATION} />
      )}

      {!pastPhone && <Later applicationId={application.id} draftLink={flow.draftLink} />}
    </>
  )
}
