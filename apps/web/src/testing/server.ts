import { setupServer } from 'msw/node'
import { defaultHandlers } from './handlers.ts'

/** The API at the network level: every fetch the SPA makes in a test is answered here, or fails the test. */
export const server = setupServer(...defaultHandlers)
