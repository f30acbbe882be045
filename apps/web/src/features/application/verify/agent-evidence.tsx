import { AGENT_EVIDENCE_LABELS } from '@kakunin/schema/agent-ground'
import { formatJapanDateTime } from '@kakunin/schema/japan-time'
import type { AgentVerificationView } from '@kakunin/schema/verification'
import { useUploadAgentEvidence } from '#src/features/application/api/upload-agent-evidence.ts'
import { DocumentUpload } from '#src/features/application/complete/document-upload.tsx'

export const AGENT_GROUND_TITLE = '代理人としてお手続きいただけることの確認'

/**
 * 施行規則12条5項: why the 代理人 may act for the customer, by their relationship. A 法定代理人
 * shows a document; a relative living at the customer's address needs nothing (the two verified
 * documents show the same address), one living apart a 委任状 or a call; anyone else a 委任状 made
 * by the customer, or a call from staff to the customer.
 */
export function AgentEvidence({ applicationId, agent }: { applicationId: string; agent: AgentVerificationView }) {
  const upload = useUploadAgentEvidence(applicationId, agent.evidenceKind)
  const label = AGENT_EVIDENCE_LABELS[agent.evidenceKind]
  const sent = agent.evidence.filter((item) => item.kind === agent.evidenceKind)
  const last = sent.at(-1)
  return (
    <section className="agent-ground" aria-labelledby="agent-ground-title">
      <h2 id="agent-ground-title">{AGENT_GROUND_TITLE}</h2>
      {agent.groundDecided ? (
        <p className="notice notice-done">代理人としてお手続きいただけることの確認は完了しました。</p>
      ) : (
        <>
          <GroundExplanation relationship={agent.relationship} />
          <DocumentUpload
            id={`agent-evidence-${agent.evidenceKind}`}
            name={agent.evidenceKind}
            label={label}
            hint={<p>{EVIDENCE_HINTS[agent.relationship === 'LEGAL_GUARDIAN' ? 'guardian' : 'proxy']}</p>}
            required={agent.evidenceRequired}
            uploaded={last !== undefined}
            uploadedText={last && `${label}：提出済み（${formatJapanDateTime(last.createdAt)}）`}
            upload={upload}
          />
        </>
      )}
    </section>
  )
}

const EVIDENCE_HINTS = {
  guardian: '利用者ご本人と代理人の方のお名前と、親権者または後見人であることがわかるものをお選びください。書類全体が写るように撮影するか、PDFをお選びください。',
  proxy:
    '利用者ご本人が作成し、署名（または記名と押印）をした委任状です。委任する内容（Twilioの取引時確認のお手続き）と、代理人の方のお名前、作成した日付をご記入ください。',
} as const

function GroundExplanation({ relationship }: { relationship: AgentVerificationView['relationship'] }) {
  if (relationship === 'LEGAL_GUARDIAN') {
    return (
      <p>
        代理人の方が利用者ご本人の法定代理人（親権者・後見人）であることを、書類で確認します。次の書類をアップロードしてください。
      </p>
    )
  }
  if (relationship === 'FAMILY') {
    return (
      <>
        <p>
          <strong>同じ住所にお住まいのご家族の場合は、書類のご提出は不要です。</strong>
          お二人の本人確認書類の住所が同じであることで確認します。
        </p>
        <p>
          別々にお住まいの場合は、利用者ご本人が作成した委任状をアップロードしてください。委任状がない場合は、担当者から利用者ご本人にお電話で確認します。
        </p>
      </>
    )
  }
  return (
    <p>
      代理人の方が利用者ご本人から依頼を受けてお手続きしていることを確認します。利用者ご本人が作成した委任状をアップロードしてください。委任状をご用意できない場合は、担当者から利用者ご本人にお電話で確認します。
    </p>
  )
}
