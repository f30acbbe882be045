import { useLocation } from 'wouter'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { CONFIRM_PATH } from '#src/features/application/apply-paths.ts'
import { DenialHints } from '#src/features/application/denial/denial-hints.tsx'
import { whoseMismatch } from '#src/features/application/denial/denied-subjects.ts'

/**
 * Where a first-time application stands once the phone is done, for verify and お申し込み完了
 * alike: 確認中, documents to upload (enhanced review), 承認, or 否認 with what to correct.
 */
export function ReviewState({ application }: { application: ApplicantApplication }) {
  switch (application.status) {
    case 'APPROVED':
      return <p className="notice">審査が完了し、お申し込みは承認されました。取引時確認は完了です。</p>
    case 'ENHANCED_REVIEW':
      return <EnhancedReviewNotice review={application.enhancedReview} />
    case 'DENIED':
      return <DeniedNotice application={application} />
    default:
      return (
        <p className="notice">
          ただいま、ご提出いただいた本人確認書類とお申し込みの内容を確認しています。審査の結果は、この画面とメールでお知らせします。
        </p>
      )
  }
}

function EnhancedReviewNotice({ review }: { review: ApplicantApplication['enhancedReview'] }) {
  const allUploaded = review ? review.required.every((kind) => review.uploaded.includes(kind)) : false
  return (
    <div className="notice notice-action">
      <p>
        <strong>追加の書類のご提出が必要です。</strong>
      </p>
      <p>
        スマートフォンでの本人確認は完了しました。お申し込みの内容から、法令（犯罪収益移転防止法4条2項）に基づき、追加の書類による確認が必要です。
      </p>
      <p>
        {allUploaded
          ? '必要な書類はすべてご提出いただきました。書類を確認しています。'
          : '下の「追加の書類の提出」から、書類をアップロードしてください。'}
      </p>
    </div>
  )
}

/** 否認: what did not match, and the way to the correction screen. */
export function DeniedNotice({ application }: { application: ApplicantApplication }) {
  const [, navigate] = useLocation()
  const linked = application.flow === 'LINK_VERIFIED'
  const whose = linked ? null : whoseMismatch(application.denial)
  return (
    <div className="notice notice-error">
      <p>
        <strong>{linked ? '新しいAccount SIDを紐付けできませんでした。' : '審査の結果、お申し込みを承認できませんでした。'}</strong>
      </p>
      {whose && <p>{whose}</p>}
      <p>{linked ? '承認されなかった理由:' : '確認が必要な項目:'}</p>
      <DenialHints hints={application.denial?.hints ?? []} />
      <p>「内容を修正する」から、要確認の項目を修正して、もう一度お申し込みください。</p>
      <button type="button" className="button" onClick={() => navigate(CONFIRM_PATH)}>
        内容を修正する
      </button>
    </div>
  )
}
