import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { publicConfigQueryOptions } from '#src/api/get-public-config.ts'
import { currentApplicationQueryOptions } from '#src/features/application/api/get-current-application.ts'
import { AppRoutes } from './routes.tsx'

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
})

// What the first screen waits for is asked at once, beside its code (which the page preloads),
// rather than once that code has run: the operator for every page's footer, and on the form's
// pages this browser's application.
void queryClient.prefetchQuery(publicConfigQueryOptions())
if (window.location.pathname === '/' || window.location.pathname.startsWith('/apply/')) {
  void queryClient.prefetchQuery(currentApplicationQueryOptions())
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AppRoutes />
    </QueryClientProvider>
  )
}
