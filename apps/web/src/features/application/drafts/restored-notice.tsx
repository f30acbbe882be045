import { useEffect, useState } from 'react'
import type { StepId } from '@kakunin/schema/form/steps'
import type { HeldFields } from './draft-storage.ts'
import { fieldLabel } from './draft-report.tsx'
import { splitDraft } from './split-draft.ts'

/**
 * Back on a screen whose typing this tab held (fields still wrong, or a save on leaving that may not
 * have arrived): says that it is shown again, and exactly which fields are not saved, and why.
 */
export function RestoredNotice({ step, held }: { step: StepId; held: HeldFields }) {
  const [unsaved, setUnsaved] = useState<string[]>()
  // Labels are read from the rendered form (as the screen names them), so once it is painted.
  useEffect(() => {
    const frame = requestAnimationFrame(() =>
      setUnsaved(splitDraft(step, held).problems.map((problem) => `${fieldLabel(problem.path)}（${problem.message}）`)),
    )
    return () => cancelAnimationFrame(frame)
  }, [step, held])
  if (!unsaved) return null
  return (
    <div className="notice" role="status" data-testid="restored-notice">
      <p>前回この画面で入力した内容を、このタブから表示しています。</p>
      {unsaved.length > 0 ? (
        <p>
          次の項目はまだ保存していません：{unsaved.join('、')}
        </p>
      ) : (
        <p>「次へ」または「下書き保存」を押すと保存されます。</p>
      )}
    </div>
  )
}
