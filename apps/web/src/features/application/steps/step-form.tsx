import { useState, type ReactNode } from 'react'
import { FormProvider, useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from 'react-hook-form'
import { Link, useLocation, useSearch } from 'wouter'
import type { ApplicantApplication } from '@kakunin/schema/application'
import type { StepValues } from '@kakunin/schema/form/application-form'
import { STEP_TITLES, type ResumePoint, type StepId } from '@kakunin/schema/form/steps'
import { collectErrors } from '#src/components/form/collect-errors.ts'
import { ErrorSummary } from '#src/components/form/error-summary.tsx'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { readServerError, type ServerProblem } from '#src/lib/server-errors.ts'
import { useCurrentApplication } from '#src/features/application/api/get-current-application.ts'
import { useSaveStep } from '#src/features/application/api/save-step.ts'
import { useSendDraftLink } from '#src/features/application/api/send-draft-link.ts'
import { CONFIRM_PATH, pathOf, stepPath, stepsOf } from '#src/features/application/apply-paths.ts'
import { ConflictNotice } from '#src/features/application/conflict-notice.tsx'
import { DenialStepNotice } from '#src/features/application/denial/denial-step-notice.tsx'
import { DraftLinkStatus } from '#src/features/application/drafts/draft-link-status.tsx'
import { useEndSession } from '#src/features/application/drafts/session-ended.ts'
import { nextPoint, previousStep } from './step-order.ts'
import { StepProgress } from './step-progress.tsx'

export interface StepFormProps<S extends StepId, V extends FieldValues> {
  application: ApplicantApplication
  step: S
  defaultValues: DefaultValues<V>
  resolver: Resolver<V, unknown, StepValues[S]>
  /** Text under the heading: what this step is about. */
  intro?: ReactNode
  /** After 再読み込み (a conflict): the screen starts again from the latest saved answers. */
  onReloaded: () => void
  children: ReactNode
}

/**
 * One step of the application: validates with the step's schema, saves the parsed values with the
 * version they were read at, then moves on (straight back to the confirmation screen when the
 * step was opened from there). 下書き保存 saves the step when it validates and emails a link to
 * continue later; 途中保存して終了 does the same, then ends this browser's session.
 */
export function StepForm<S extends StepId, V extends FieldValues>(props: StepFormProps<S, V>) {
  const { application, step, defaultValues, resolver, intro, onReloaded, children } = props
  const [, navigate] = useLocation()
  const fromConfirm = new URLSearchParams(useSearch()).get('from') === 'confirm'
  const steps = stepsOf(application)
  const next = fromConfirm ? 'confirm' : nextPoint(steps, step)
  const previous = previousStep(steps, step)
  const backHref = fromConfirm ? CONFIRM_PATH : previous && stepPath(previous)

  // The error summary takes focus (GOV.UK pattern); react-hook-form must not move it to a field.
  const form = useForm<V, unknown, StepValues[S]>({ resolver, defaultValues, shouldFocusError: false })
  const saveStep = useSaveStep()
  const current = useCurrentApplication()
  const draftLink = useSendDraftLink()
  const endSession = useEndSession()
  const [attempt, setAttempt] = useState(0)
  const [problem, setProblem] = useState<ServerProblem>()
  const [draftUnsaved, setDraftUnsaved] = useState(false)
  const [exiting, setExiting] = useState(false)

  /** Saves the step; a refusal lands on the fields (400) or in a notice, and the save reports false. */
  async function save(values: StepValues[S], resumeAt: ResumePoint): Promise<boolean> {
    setProblem(undefined)
    try {
      await saveStep.mutateAsync({ id: application.id, step, version: application.version, values, resumeAt })
      return true
    } catch (error) {
      const found = readServerError(error, 'values.')
      for (const [path, message] of Object.entries(found.fields)) {
        form.setError(path as Path<V>, { type: 'server', message })
      }
      setProblem(found)
      setAttempt((n) => n + 1)
      return false
    }
  }

  const onSubmit = form.handleSubmit(
    async (values) => {
      draftLink.reset()
      if (await save(values, next)) navigate(pathOf(next))
    },
    () => setAttempt((n) => n + 1),
  )

  // 下書き保存: this step as it is when it validates; otherwise what the earlier steps saved. The
  // link goes out either way, so the person can stop here. 途中保存して終了 (`exit`) then logs out,
  // but only once the link is on its way: without it there would be no way back.
  const saveDraft = (exit: boolean) =>
    form.handleSubmit(
      async (values) => {
        setDraftUnsaved(false)
        draftLink.reset()
        if (await save(values, fromConfirm ? 'confirm' : step)) await sendDraftLink(exit, false)
      },
      async () => {
        setDraftUnsaved(true)
        // The error summary only when the person stays on this screen to correct it.
        if (!exit) setAttempt((n) => n + 1)
        await sendDraftLink(exit, true)
      },
    )

  async function sendDraftLink(exit: boolean, screenUnsaved: boolean) {
    setExiting(exit)
    if (!exit) return draftLink.mutate(application.id)
    endSession.reset()
    // A refusal shows in DraftLinkStatus, and the session stays.
    const sent = await draftLink.mutateAsync(application.id).catch(() => undefined)
    if (sent) endSession.mutate({ sentTo: sent.sentTo, screenUnsaved })
  }

  const formProblem = problem?.message && !problem.conflict ? [{ fieldId: 'submit', message: problem.message }] : []
  const title = STEP_TITLES[step]
  return (
    <>
      <StepProgress steps={steps} current={step} />
      <PageHeading title={title}>{title}</PageHeading>
      {intro}
      <DenialStepNotice application={application} step={step} />
      {problem?.conflict && problem.message && (
        <ConflictNotice
          message={problem.message}
          reloading={current.isFetching}
          // The latest answers replace what the form holds; a submitted application leaves the page.
          onReload={() =>
            void current.refetch().then(() => {
              setProblem(undefined)
              onReloaded()
            })
          }
        />
      )}
      <ErrorSummary attempt={attempt} errors={[...collectErrors(form.formState.errors), ...formProblem]} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate>
          {children}
          <div className="actions">
            <button id="submit" type="submit" className="button" disabled={saveStep.isPending}>
              {next === 'confirm' ? '確認画面へ' : '次へ'}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void saveDraft(false)()}
              disabled={saveStep.isPending || draftLink.isPending || endSession.isPending}
            >
              下書き保存
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void saveDraft(true)()}
              disabled={saveStep.isPending || draftLink.isPending || endSession.isPending}
            >
              途中保存して終了
            </button>
            {backHref && (
              <Link href={backHref} className="back-link">
                {fromConfirm ? '確認画面に戻る' : '戻る'}
              </Link>
            )}
          </div>
        </form>
      </FormProvider>
      <DraftLinkStatus
        mutation={draftLink}
        note={
          <>
            {exiting && draftLink.error && <p>続きから入力するためのリンクをお送りできないため、終了していません。</p>}
            {draftUnsaved && (
              <p>
                この画面の入力内容には修正が必要な項目があるため、この画面の内容はまだ保存していません。前の画面までの入力内容は保存されています。
              </p>
            )}
          </>
        }
      />
      {endSession.error && (
        <div className="notice notice-error" role="alert">
          <p>入力内容は保存し、続きから入力するためのリンクをお送りしましたが、終了できませんでした。もう一度「途中保存して終了」を押してください。</p>
          <p>{endSession.error.message}</p>
        </div>
      )}
    </>
  )
}
