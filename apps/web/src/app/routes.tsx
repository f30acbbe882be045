import { lazy, Suspense } from 'react'
import { Route, Switch } from 'wouter'

// Each screen is its own chunk: the first load carries only the entry question.
const EntryPage = lazy(() => import('../features/application/entry/entry-page.tsx').then((m) => ({ default: m.EntryPage })))
const StartedPage = lazy(() =>
  import('../features/application/entry/started-page.tsx').then((m) => ({ default: m.StartedPage })),
)
const NotFoundPage = lazy(() => import('./not-found-page.tsx').then((m) => ({ default: m.NotFoundPage })))

export function AppRoutes() {
  return (
    <Suspense fallback={<p aria-busy="true">読み込み中…</p>}>
      <Switch>
        <Route path="/" component={EntryPage} />
        <Route path="/applications/started/:reference" component={StartedPage} />
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  )
}
