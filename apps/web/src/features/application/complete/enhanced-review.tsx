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
        このお取引は、法令（犯罪収益移転防止法4条2項）でより厳格な確認が定められているお取引にあたるため、スマートフォンでの本人確認に加えて、次の書類のご提出をお願いしています。
      </p>
      <p>書類ごとにファイルを選び、「アップロードする」を押してください。スマートフォンでは、カメラで撮影することもできます。</p>
      {review.required.map((kind) => (
        <ReviewDocumentUpload key={kind} applicationId={applicationId} kind={kind} uploaded={review.uploaded.includes(kind)} />
      ))}
      <p>すべての書類をご提出いただいた後、当社で書類を確認し、審査の結果をメールでお知らせします。</p>
    </section>
  )
}
