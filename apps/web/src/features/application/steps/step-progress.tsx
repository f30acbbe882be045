import { STEP_TITLES, type StepId } from '@kakunin/schema/form/steps'

/** ステップ N / M and the list of steps, the current one marked for assistive technology too. */
export function StepProgress({ steps, current }: { steps: readonly StepId[]; current: StepId }) {
  const index = steps.indexOf(current)
  return (
    <div className="progress">
      <p className="progress-count">
        ステップ {index + 1} / {steps.length}
      </p>
      <ol className="progress-steps" aria-label="入力の手順">
        {steps.map((step, i) => (
          <li
            key={step}
            className={i < index ? 'progress-done' : undefined}
            aria-current={step === current ? 'step' : undefined}
          >
            {STEP_TITLES[step]}
          </li>
        ))}
      </ol>
    </div>
  )
}
