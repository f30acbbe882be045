import { lazy, Suspense, type ComponentType } from 'react'
import { Route, Switch } from 'wouter'
import type { StepId } from '@kakunin/schema/form/steps'
import { Loading } from '#src/components/feedback/loading.tsx'
import { PageLayout } from '#src/components/layout/page-layout.tsx'

// Each screen is its own chunk: the first load carries only the entry question, and a step's
// code (and its form library) arrives when the step is opened.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })))

const EntryPage = page(() => import('#src/features/application/entry/entry-page.tsx'), 'EntryPage')
const ConfirmPage = page(() => import('#src/features/application/confirm/confirm-page.tsx'), 'ConfirmPage')
const VerifyPage = page(() => import('#src/features/application/verify/verify-page.tsx'), 'VerifyPage')
const CompletePage = page(() => import('#src/features/application/complete/complete-page.tsx'), 'CompletePage')
const ResumePage = page(() => import('#src/features/application/resume/resume-page.tsx'), 'ResumePage')
const SessionEndedPage = page(() => import('#src/features/application/drafts/session-ended-page.tsx'), 'SessionEndedPage')
const OwnerConfirmationPage = page(() => import('#src/features/owner-confirmation/owner-confirmation-page.tsx'), 'OwnerConfirmationPage')
const PhoneVerifyPage = page(() => import('#src/features/sandbox-ekyc/phone-verify-page.tsx'), 'PhoneVerifyPage')
const HelpPage = page(() => import('#src/features/help/help-page.tsx'), 'HelpPage')
const InquiryRoute = page(() => import('./inquiry-route.tsx'), 'InquiryRoute')
const MailboxPage = page(() => import('#src/features/dev-mailbox/mailbox-page.tsx'), 'MailboxPage')
const NotFoundPage = page(() => import('./not-found-page.tsx'), 'NotFoundPage')

const STEP_PAGES: Record<StepId, ComponentType> = {
  type: page(() => import('#src/features/application/steps/type/type-step-page.tsx'), 'TypeStepPage'),
  login: page(() => import('#src/features/application/steps/login/login-step-page.tsx'), 'LoginStepPage'),
  user: page(() => import('#src/features/application/steps/user/user-step-page.tsx'), 'UserStepPage'),
  purpose: page(() => import('#src/features/application/steps/purpose/purpose-step-page.tsx'), 'PurposeStepPage'),
  extra: page(() => import('#src/features/application/steps/extra/extra-step-page.tsx'), 'ExtraStepPage'),
  agent: page(() => import('#src/features/application/steps/agent/agent-step-page.tsx'), 'AgentStepPage'),
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
