import { Link } from 'wouter'
import type { ApplicationFlow } from '@kakunin/schema/application-flow'
import type { DraftAnswers, StepValues } from '@kakunin/schema/form/application-form'
import { STEP_TITLES, type StepId } from '@kakunin/schema/form/steps'
import { changePath } from '#src/features/application/apply-paths.ts'
import { AGENT_FLAG_ROW, AGENT_FLAG_SUMMARY, FLAG_ROW, FLAG_SUMMARY } from '#src/features/application/denial/denial-wording.ts'
import { answerRows, isFlagged } from './answer-rows.ts'
import { CORRECTED_ROW } from './corrections.ts'

export const changeLinkId = (step: StepId) => `change-${step}`

/**
 * One step's answers as a definition list, with the 変更 link that reopens the step. `flagged`
 * names the step's fields a review found not to match the ID (or, for a link, not confirmed):
 * their rows say so in words. `corrected`, those of them changed since the denial: their rows
 * read 修正済み instead, so the applicant sees the correction took.
 */
export function AnswerGroup<S extends StepId>({
  step,
  answers,
  flagged = [],
  corrected = [],
  flow = 'FIRST_TIME',
}: {
  step: S
  answers: DraftAnswers
  flagged?: readonly string[]
  corrected?: readonly string[]
  flow?: ApplicationFlow
}) {
  // DraftAnswers holds each step's schema output under the step's id.
  const value = answers[step] as StepValues[S] | undefined
  const title = STEP_TITLES[step]
  const rows = value ? answerRows(step, value) : []
  // The step still asks for a correction while one of its flagged rows (or a flagged field no row shows) is unchanged.
  const needsCorrection =
    rows.some((row) => isFlagged(row, flagged) && !isFlagged(row, corrected)) ||
    flagged.some((field) => !corrected.includes(field) && !rows.some((row) => isFlagged(row, [field])))
  // 代理人情報 was compared with the agent's own ID, not the customer's.
  const agentRows = step === 'agent' && flow === 'FIRST_TIME'
  const flagSummary = agentRows ? AGENT_FLAG_SUMMARY : FLAG_SUMMARY[flow]
  const flagRow = agentRows ? AGENT_FLAG_ROW : FLAG_ROW[flow]
  return (
    <section className={needsCorrection ? 'answers answers-flagged' : 'answers'} aria-labelledby={`answers-${step}`}>
      <div className="answers-header">
        <h2 id={`answers-${step}`}>{title}</h2>
        <Link id={changeLinkId(step)} href={changePath(step)}>
          {value ? '変更' : '入力する'}
          <span className="visually-hidden">（{title}）</span>
        </Link>
      </div>
      {needsCorrection && <p className="flag-summary">{flagSummary}</p>}
      {value ? (
        <dl className="answer-list">
          {rows.map((row) => {
            const flaggedRow = isFlagged(row, flagged)
            const correctedRow = flaggedRow && isFlagged(row, corrected)
            const rowClass = correctedRow ? 'answer-row answer-row-corrected' : flaggedRow ? 'answer-row answer-row-flagged' : 'answer-row'
            return (
              <div className={rowClass} key={row.label}>
                <dt>{row.label}</dt>
                <dd>{row.value}</dd>
                {correctedRow ? <dd className="flag flag-corrected">{CORRECTED_ROW}</dd> : flaggedRow && <dd className="flag">{flagRow}</dd>}
              </div>
            )
          })}
        </dl>
      ) : (
        <p className="answers-missing">まだ入力されていません。</p>
      )}
    </section>
  )
}
