import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
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
import { DraftReport, outcomeOf, type DraftOutcome } from '#src/features/application/drafts/draft-report.tsx'
import { holdFields, readHeldFields, releaseFields, type HeldFields } from '#src/features/application/drafts/draft-storage.ts'
import { RestoredNotice } from '#src/features/application/drafts/restored-notice.tsx'
import { saveDraftOnLeave, useSaveStepDraft } from '#src/features/application/drafts/save-step-draft.ts'
import { splitDraft, typedOnly } from '#src/features/application/drafts/split-draft.ts'
import { withoutNulls } from '#src/lib/schema-resolver.ts'
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
 * step was opened from there). 下書き保存 saves the step when it validates, or else every field that
 * is right on its own (the wrong ones stay in this tab's sessionStorage and come back with the
 * screen), and emails a link to continue later; 途中保存して終了 does the same, then ends this
 * browser's session. 戻る saves a draft the same way, and so does leaving by any other link or
 * closing the tab (in the background).
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
  const [held] = useState(() => readHeldFields(application.id, step))
  const [startValues] = useState(() => restoredValues(application, step, defaultValues, held))
  const form = useForm<V, unknown, StepValues[S]>({ resolver, defaultValues: startValues, shouldFocusError: false })
  const saveDraftFields = useSaveStepDraft()
  const [draftOutcome, setDraftOutcome] = useState<DraftOutcome>()
  // What the server has of this screen: leaving it saves a draft only when the form differs.
  const [saved] = useState(() => savedValues(startValues))
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
      saved.mark(form.getValues())
      releaseFields(application.id, step)
      return true
    } catch (error) {
      showRefusal(error)
      return false
    }
  }

  /** A refusal lands on the fields (400) or in a notice. */
  function showRefusal(error: unknown) {
    const found = readServerError(error, 'values.')
    for (const [path, message] of Object.entries(found.fields)) {
      form.setError(path as Path<V>, { type: 'server', message })
    }
    setProblem(found)
    setAttempt((n) => n + 1)
  }

  const worthSaving = (valid: object) => Object.keys(valid).length > 0 || Boolean(application.drafts?.[step])

  /**
   * The fields right on their own go to the server; the others stay in this tab. Reports what was
   * kept, or false when the server refused (its field errors are then on the form).
   */
  async function savePartial(resumeAt: ResumePoint): Promise<DraftOutcome | false> {
    const values = form.getValues()
    const split = splitDraft(step, values)
    holdFields(application.id, step, split.invalid)
    // Nothing right to keep, and no earlier draft to replace: no write at all.
    if (!worthSaving(split.valid)) {
      saved.mark(values)
      return outcomeOf(split.problems)
    }
    try {
      await saveDraftFields.mutateAsync({ id: application.id, step, version: application.version, values: split.valid, resumeAt })
      saved.mark(values)
      return outcomeOf(split.problems)
    } catch (error) {
      showRefusal(error)
      return false
    }
  }

  // Leaving by any other way than this form's buttons (a header or footer link, the browser's back,
  // a reload, closing the tab): the fields right on their own are saved as a draft in the
  // background, the wrong ones stay in this tab. Writes after it carry the version it leaves.
  const queryClient = useQueryClient()
  const leave = useRef<(leavingPage?: boolean) => void>(() => undefined)
  useEffect(() => {
    leave.current = (leavingPage = false) => {
      const values = form.getValues()
      if (!saved.differs(values)) return
      saved.mark(values)
      const split = splitDraft(step, values)
      if (!worthSaving(split.valid)) return holdFields(application.id, step, values)
      const resumeAt = fromConfirm ? 'confirm' : step
      void saveDraftOnLeave(queryClient, { id: application.id, step, version: application.version, values: split.valid, resumeAt }, values, split.invalid, { leavingPage })
    }
  })
  useEffect(() => {
    const onPageHide = () => leave.current(true)
    window.addEventListener('pagehide', onPageHide)
    return () => {
      window.removeEventListener('pagehide', onPageHide)
      leave.current()
    }
  }, [])

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
        setDraftOutcome(undefined)
        draftLink.reset()
        if (await save(values, fromConfirm ? 'confirm' : step)) {
          setDraftOutcome({ held: [] })
          await sendDraftLink(exit, false)
        }
      },
      async () => {
        draftLink.reset()
        const outcome = await savePartial(fromConfirm ? 'confirm' : step)
        // A refusal (a stale version, a field the server refused) saved nothing: the link waits.
        if (!outcome) return setDraftUnsaved(true)
        setDraftUnsaved(false)
        setDraftOutcome(outcome)
        // The error summary only when the person stays on this screen to correct it.
        if (!exit) setAttempt((n) => n + 1)
        await sendDraftLink(exit, outcome.held.length > 0)
      },
    )

  // 戻る: what was typed is kept first (a draft, as 下書き保存), then the earlier screen opens.
  async function goBack(href: string) {
    if (saved.differs(form.getValues()) && !(await savePartial(fromConfirm ? 'confirm' : step))) return
    navigate(href)
  }

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
      {Object.keys(held).length > 0 && !draftOutcome && <RestoredNotice step={step} held={held} />}
      {problem?.conflict && problem.message && (
        <ConflictNotice
          message={problem.message}
          reloading={current.isFetching}
          // The latest answers replace what the form holds; a submitted application leaves the page.
          onReload={() =>
            void current.refetch().then(() => {
              setProblem(undefined)
              // 再読み込み starts the screen again from what is saved: nothing typed is held or sent.
              saved.mark(form.getValues())
              releaseFields(application.id, step)
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
              disabled={saveStep.isPending || saveDraftFields.isPending || draftLink.isPending || endSession.isPending}
            >
              下書き保存
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void saveDraft(true)()}
              disabled={saveStep.isPending || saveDraftFields.isPending || draftLink.isPending || endSession.isPending}
            >
              途中保存して終了
            </button>
            {backHref && (
              <Link
                href={backHref}
                className="back-link"
                onClick={(event) => {
                  event.preventDefault()
                  void goBack(backHref)
                }}
              >
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
            {draftOutcome && <DraftReport outcome={draftOutcome} />}
            {draftUnsaved && <p>この画面の内容は保存できませんでした。前の画面までの入力内容は保存されています。</p>}
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

/**
 * Where the screen starts: the saved answers, then the fields a draft kept on the server, then
 * those this tab still holds (still wrong, so never sent).
 */
function restoredValues<V extends FieldValues>(application: ApplicantApplication, step: StepId, defaults: DefaultValues<V>, held: HeldFields): DefaultValues<V> {
  const serverDraft = (application.drafts?.[step] ?? {}) as Record<string, unknown>
  return overlay(overlay(defaults as Record<string, unknown>, serverDraft), held) as DefaultValues<V>
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value)

function overlay(base: Record<string, unknown>, top: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base }
  for (const [key, value] of Object.entries(top)) {
    out[key] = isPlainObject(value) && isPlainObject(base[key]) ? overlay(base[key], value) : value
  }
  return out
}

/** The form's values as last saved: leaving saves a draft only when what is typed differs. */
function savedValues(initial: unknown) {
  const typed = (values: unknown) => JSON.stringify(typedOnly(withoutNulls(values)) ?? {})
  let snapshot = typed(initial)
  return {
    mark: (values: unknown) => {
      snapshot = typed(values)
    },
    differs: (values: unknown) => typed(values) !== snapshot,
  }
}
