import { Link } from 'wouter'
import type { DraftAnswers, StepValues } from '@kakunin/schema/form/application-form'
import { STEP_TITLES, type StepId } from '@kakunin/schema/form/steps'
import { changePath } from '../apply-paths.ts'
import { answerRows } from './answer-rows.ts'

export const changeLinkId = (step: StepId) => `change-${step}`

/** One step's answers as a definition list, with the 変更 link that reopens the step. */
export function AnswerGroup<S extends StepId>({ step, answers }: { step: S; answers: DraftAnswers }) {
  // DraftAnswers holds each step's schema output under the step's id.
  const value = answers[step] as StepValues[S] | undefined
  const title = STEP_TITLES[step]
  return (
    <section className="answers" aria-labelledby={`answers-${step}`}>
      <div className="answers-header">
        <h2 id={`answers-${step}`}>{title}</h2>
        <Link id={changeLinkId(step)} href={changePath(step)}>
          {value ? '変更' : '入力する'}
          <span className="visually-hidden">（{title}）</span>
        </Link>
      </div>
      {value ? (
        <dl className="answer-list">
          {answerRows(step, value).map((row) => (
            <div className="answer-row" key={row.label}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="answers-missing">まだ入力されていません。</p>
      )}
    </section>
  )
}
