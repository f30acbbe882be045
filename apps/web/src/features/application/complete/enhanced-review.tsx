import type { ApplicantApplication } from '@kakunin/schema/application'
import { ReviewDocumentUpload } from './review-document-upload.tsx'

/**
 * 高リスク取引 (犯収法4条2項): the documents enhanced review asks for, one upload each. Why the
 * application is high-risk is not said (a staff suspicion may be the reason); what the law asks is.
 */
export function EnhancedReview({ applicationId, review }: { applicationId: string; review: NonNullable<ApplicantApplication['enhancedReview']> }) {
  return (
    <section className="enhanced-review" aria-labelledby="enhanced-review-title">
      <h2 id="enhanced-review-title">追加の書類の提出</h2>
      <p>
        スマートフォンでの本人確認に加えて、次の書類のご提出をお願いしています。書類ごとにファイルを選び、「アップロードする」を押してください。スマートフォンでは、カメラで撮影することもできます。
      </p>
      {review.required.map((kind) => (
        <ReviewDocumentUpload key={kind} applicationId={applicationId} kind={kind} uploaded={review.uploaded.includes(kind)} />
      ))}
    </section>
  )
}
