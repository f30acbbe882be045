import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { PageLayout } from '../components/layout/page-layout.tsx'
import { AppRoutes } from './routes.tsx'

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
})

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <PageLayout>
        <AppRoutes />
      </PageLayout>
    </QueryClientProvider>
  )
}
