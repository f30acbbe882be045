import type { ReactNode } from 'react'
import type { DefaultValues, FieldValues, Resolver } from 'react-hook-form'
import { Redirect } from 'wouter'
import type { ApplicantApplication } from '@kakunin/schema/application'
import type { StepValues } from '@kakunin/schema/form/application-form'
import type { StepId } from '@kakunin/schema/form/steps'
import { ApplicationGate } from '../application-gate.tsx'
import { resumePath, stepsOf } from '../apply-paths.ts'
import { StepForm } from './step-form.tsx'

export interface StepSetup<S extends StepId, V extends FieldValues> {
  // The resolver names the form's shape; defaults may leave any part of it out.
  defaultValues: NoInfer<DefaultValues<V>>
  resolver: Resolver<V, unknown, StepValues[S]>
  intro?: ReactNode
}

/** A step's screen: the session's draft, a step of its flow, and the form pre-filled from its answers. */
export function StepScreen<S extends StepId, V extends FieldValues>(props: {
  step: S
  setup: (application: ApplicantApplication) => StepSetup<S, V>
  children: ReactNode | ((application: ApplicantApplication) => ReactNode)
}) {
  const { step, setup, children } = props
  return (
    <ApplicationGate status="draft">
      {(application) =>
        stepsOf(application).includes(step) ? (
          // Keyed by version: answers reloaded after a conflict replace what the form holds.
          <StepForm key={application.version} application={application} step={step} {...setup(application)}>
            {typeof children === 'function' ? children(application) : children}
          </StepForm>
        ) : (
          <Redirect to={resumePath(application)} replace />
        )
      }
    </ApplicationGate>
  )
}
