import { useState, type ReactNode } from 'react'
import type { DefaultValues, FieldValues, Resolver } from 'react-hook-form'
import { Redirect } from 'wouter'
import type { ApplicantApplication } from '@kakunin/schema/application'
import type { StepValues } from '@kakunin/schema/form/application-form'
import type { StepId } from '@kakunin/schema/form/steps'
import { EDITABLE_STATUSES } from '@kakunin/schema/status-machine'
import { ApplicationGate } from '#src/features/application/application-gate.tsx'
import { resumePath, stepsOf } from '#src/features/application/apply-paths.ts'
import { StepForm } from './step-form.tsx'

export interface StepSetup<S extends StepId, V extends FieldValues> {
  // The resolver names the form's shape; defaults may leave any part of it out.
  defaultValues: NoInfer<DefaultValues<V>>
  resolver: Resolver<V, unknown, StepValues[S]>
  intro?: ReactNode
}

/**
 * A step's screen: the session's application while it may still be edited (a draft, or a denial to
 * correct), a step of its flow, and the form pre-filled from its answers.
 */
export function StepScreen<S extends StepId, V extends FieldValues>(props: {
  step: S
  setup: (application: ApplicantApplication) => StepSetup<S, V>
  children: ReactNode | ((application: ApplicantApplication) => ReactNode)
}) {
  const { step, setup, children } = props
  // Bumped by 再読み込み after a conflict: the form starts again from the answers just read. Its
  // own saves keep it (and what it says, such as where a draft link went) on screen.
  const [generation, setGeneration] = useState(0)
  return (
    <ApplicationGate statuses={EDITABLE_STATUSES}>
      {(application) =>
        stepsOf(application).includes(step) ? (
          <StepForm
            key={generation}
            application={application}
            step={step}
            onReloaded={() => setGeneration((n) => n + 1)}
            {...setup(application)}
          >
            {typeof children === 'function' ? children(application) : children}
          </StepForm>
        ) : (
          <Redirect to={resumePath(application)} replace />
        )
      }
    </ApplicationGate>
  )
}
