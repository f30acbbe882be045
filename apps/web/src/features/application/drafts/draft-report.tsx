import { fieldId } from '#src/components/form/field-ids.ts'
import type { HeldField } from './split-draft.ts'

/** The visible name of a field (its label, or a group's legend), without the ※必須/※任意 mark. */
export function fieldLabel(path: string): string {
  const id = fieldId(path)
  const element = document.getElementById(id)
  const named = element?.tagName === 'FIELDSET' ? element.querySelector('legend') : document.querySelector(`label[for="${CSS.escape(id)}"]`)
  const copy = named?.cloneNode(true)
  if (!(copy instanceof HTMLElement)) return path
  copy.querySelectorAll('.mark').forEach((mark) => mark.remove())
  return copy.textContent?.trim() || path
}

export interface DraftOutcome {
  /** Each field not saved, named as the screen names it, with why. */
  held: { label: string; message: string }[]
}

export const outcomeOf = (problems: HeldField[]): DraftOutcome => ({
  held: problems.map((problem) => ({ label: fieldLabel(problem.path), message: problem.message })),
})

/** Exactly what a 下書き保存 kept: everything, or all but the fields it names. */
export function DraftReport({ outcome }: { outcome: DraftOutcome }) {
  if (outcome.held.length === 0) return <p>この画面の入力内容を保存しました。</p>
  return (
    <>
      <p>
        保存しました。次の項目はまだ保存していません：
        {outcome.held.map((field) => `${field.label}（${field.message}）`).join('、')}
      </p>
      <p>まだ保存していない項目は、このブラウザのこのタブを閉じるまで、この画面に戻ると表示されます。</p>
    </>
  )
}
