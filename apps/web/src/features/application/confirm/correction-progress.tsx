import { ReferencePanel } from '#src/components/feedback/reference-panel.tsx'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { stepsOf } from '#src/features/application/apply-paths.ts'
import { remainingCorrections } from './corrections.ts'

/** After a denial, how many 要確認 items are left to correct, so the applicant knows each fix took. */
export function CorrectionProgress({ application }: { application: ApplicantApplication }) {
  const { flagged, remaining } = remainingCorrections(application, stepsOf(application))
  if (flagged === 0) return null
  const send = application.flow === 'LINK_VERIFIED' ? '送信する' : '続けて本人確認画像をアップロードする'
  return (
    <p className={remaining > 0 ? 'notice notice-error correction-progress' : 'notice correction-progress'} data-testid="correction-progress">
      {remaining > 0
        ? `要確認の項目があと${remaining}件あります。`
        : `要確認の項目はすべて修正済みです。内容をご確認のうえ、「${send}」を押してください。`}
    </p>
  )
}

/** 受付番号, for an inquiry while correcting. */
export function ConfirmReference({ reference }: { reference: string }) {
  return <ReferencePanel reference={reference} />
}
