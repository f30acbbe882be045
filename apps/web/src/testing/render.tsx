import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, type RenderResult } from '@testing-library/react'
import { userEvent, type UserEvent } from '@testing-library/user-event'
import type { ReactElement } from 'react'
import { Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import { AppRoutes } from '#src/app/routes.tsx'

const clients = new Set<QueryClient>()

/** Stops what the last test's queries left behind (polls, garbage-collection timers). */
export function clearQueryClients() {
  for (const client of clients) client.clear()
  clients.clear()
}

export interface Rendered extends RenderResult {
  user: UserEvent
  queryClient: QueryClient
  /** Where the app is now (path and query), after its own navigations and redirects. */
  currentPath: () => string | undefined
  /** Every location visited, redirects replacing the entry they left. */
  history: readonly string[]
}

/**
 * Renders `ui` as the app would: a fresh QueryClient (no retries, so a failure shows at once) and
 * an in-memory location starting at `path`.
 */
export function renderWithProviders(ui: ReactElement, { path = '/' }: { path?: string } = {}): Rendered {
  const location = memoryLocation({ path, record: true })
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } },
  })
  clients.add(queryClient)
  const user = userEvent.setup()
  const result = render(
    <QueryClientProvider client={queryClient}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        {ui}
      </Router>
    </QueryClientProvider>,
  )
  return { ...result, user, queryClient, currentPath: () => location.history.at(-1), history: location.history }
}

/** The whole SPA (its routes, lazy screens and layout) opened at `path`. */
export const renderApp = (path: string) => renderWithProviders(<AppRoutes />, { path })
