// Shared by every test file (vitest.config.ts `setupFiles`). Tests import describe/it/expect
// from 'vitest' explicitly: no globals, so ESLint and tsc need nothing extra.
import '@testing-library/jest-dom/vitest'
// jsdom has no CSS namespace; collectErrors uses CSS.escape, as every supported browser has it.
import 'css.escape'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { backgroundWritesDone } from '#src/features/application/api/own-versions.ts'
import { clearQueryClients } from './render.tsx'
import { sendFormDataAsNode } from './native-form-data.ts'
import { server } from './server.ts'

// A screen's first render loads its lazy chunk (transformed on first use): allow for it.
configure({ asyncUtilTimeout: 3000 })

// 'error' makes an unhandled request fail in the app (a network error); recording them makes the
// test fail too, naming the request, instead of passing on whatever the app showed instead.
const unhandled: string[] = []
server.events.on('request:unhandled', ({ request }) => void unhandled.push(`${request.method} ${request.url}`))

let restoreFetch = () => {}
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
  restoreFetch = sendFormDataAsNode()
})
afterEach(async () => {
  // Without vitest globals, Testing Library does not unmount by itself. A step left with typing
  // saves a draft on the way out: it is answered by this test's handlers, before they go.
  cleanup()
  await backgroundWritesDone()
  // Fields a step held back for this tab (drafts/draft-storage.ts) must not reach the next test.
  sessionStorage.clear()
  clearQueryClients()
  server.resetHandlers()
  const requests = unhandled.splice(0)
  expect(requests, 'requests without an MSW handler').toEqual([])
})
afterAll(() => {
  restoreFetch()
  server.close()
})
