import { lazy, Suspense, type ComponentType } from 'react'
import { Route, Switch } from 'wouter'
import { STEP_IDS, type StepId } from '@kakunin/schema/form/steps'
import { Loading } from '#src/components/feedback/loading.tsx'
import { PageLayout } from '#src/components/layout/page-layout.tsx'
import { withPrefetch } from './prefetch.tsx'

// Each screen is its own chunk: the first load carries only the entry question, and a step's
// code (and its form library) arrives when the step is opened.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })))

// The screens of the form in order, so each can fetch the next one's code while it is shown.
const loadEntry = () => import('#src/features/application/entry/entry-page.tsx')
const loadConfirm = () => import('#src/features/application/confirm/confirm-page.tsx')
const loadVerify = () => import('#src/features/application/verify/verify-page.tsx')
const loadComplete = () => import('#src/features/application/complete/complete-page.tsx')
const STEP_LOADERS = {
  type: () => import('#src/features/application/steps/type/type-step-page.tsx'),
  login: () => import('#src/features/application/steps/login/login-step-page.tsx'),
  user: () => import('#src/features/application/steps/user/user-step-page.tsx'),
  purpose: () => import('#src/features/application/steps/purpose/purpose-step-page.tsx'),
  extra: () => import('#src/features/application/steps/extra/extra-step-page.tsx'),
  agent: () => import('#src/features/application/steps/agent/agent-step-page.tsx'),
} satisfies Record<StepId, () => Promise<unknown>>

const EntryPage = withPrefetch(page(loadEntry, 'EntryPage'), STEP_LOADERS[STEP_IDS[0]])
const ConfirmPage = withPrefetch(page(loadConfirm, 'ConfirmPage'), loadVerify)
const VerifyPage = withPrefetch(page(loadVerify, 'VerifyPage'), loadComplete)
const CompletePage = page(loadComplete, 'CompletePage')
const ResumePage = page(() => import('#src/features/application/resume/resume-page.tsx'), 'ResumePage')
const SessionEndedPage = page(() => import('#src/features/application/drafts/session-ended-page.tsx'), 'SessionEndedPage')
const OwnerConfirmationPage = page(() => import('#src/features/owner-confirmation/owner-confirmation-page.tsx'), 'OwnerConfirmationPage')
const PhoneVerifyPage = page(() => import('#src/features/sandbox-ekyc/phone-verify-page.tsx'), 'PhoneVerifyPage')
const HelpPage = page(() => import('#src/features/help/help-page.tsx'), 'HelpPage')
const PrivacyPage = page(() => import('#src/features/privacy/privacy-page.tsx'), 'PrivacyPage')
const InquiryRoute = page(() => import('./inquiry-route.tsx'), 'InquiryRoute')
const MailboxPage = page(() => import('#src/features/dev-mailbox/mailbox-page.tsx'), 'MailboxPage')
const NotFoundPage = page(() => import('./not-found-page.tsx'), 'NotFoundPage')

/** The next step in the article's order, then 登録情報確認 (a shorter flow only fetches a chunk it skips). */
const nextAfter = (step: StepId) => STEP_LOADERS[STEP_IDS[STEP_IDS.indexOf(step) + 1] as StepId] ?? loadConfirm

const STEP_PAGES: Record<StepId, ComponentType> = {
  type: withPrefetch(page(STEP_LOADERS.type, 'TypeStepPage'), nextAfter('type')),
  login: withPrefetch(page(STEP_LOADERS.login, 'LoginStepPage'), nextAfter('login')),
  user: withPrefetch(page(STEP_LOADERS.user, 'UserStepPage'), nextAfter('user')),
  purpose: withPrefetch(page(STEP_LOADERS.purpose, 'PurposeStepPage'), nextAfter('purpose')),
  extra: withPrefetch(page(STEP_LOADERS.extra, 'ExtraStepPage'), nextAfter('extra')),
  agent: withPrefetch(page(STEP_LOADERS.agent, 'AgentStepPage'), nextAfter('agent')),
}

function StepRoute({ params }: { params: { step?: string } }) {
  const step = params.step
  const StepPage = step && Object.hasOwn(STEP_PAGES, step) ? STEP_PAGES[step as StepId] : NotFoundPage
  return <StepPage />
}

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        {/* The phone pages play the eKYC vendor's app and bring their own frame. */}
        <Route path="/m/verify/:token" component={PhoneVerifyPage} />
        <Route>
          <PageLayout>
            <Suspense fallback={<Loading />}>
              <Switch>
                <Route path="/" component={EntryPage} />
                <Route path="/apply/confirm" component={ConfirmPage} />
                <Route path="/apply/verify" component={VerifyPage} />
                <Route path="/apply/complete" component={CompletePage} />
                <Route path="/apply/saved" component={SessionEndedPage} />
                <Route path="/apply/:step" component={StepRoute} />
                <Route path="/resume/:token" component={ResumePage} />
                <Route path="/link-confirm/:token" component={OwnerConfirmationPage} />
                <Route path="/help" component={HelpPage} />
                <Route path="/privacy" component={PrivacyPage} />
                <Route path="/inquiry" component={InquiryRoute} />
                <Route path="/dev/mailbox/:id?" component={MailboxPage} />
                <Route component={NotFoundPage} />
              </Switch>
            </Suspense>
          </PageLayout>
        </Route>
      </Switch>
    </Suspense>
  )
}
