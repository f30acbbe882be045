// The sandbox phone's session as `GET /api/sandbox-ekyc/sessions/:token` answers it, checked by the shared schema.
import { sandboxSessionView, type SandboxSessionView } from '@kakunin/schema/sandbox-ekyc'
import type { z } from '@kakunin/schema/zod'

/** A started session (image method, driver's licence, no photo yet) unless told otherwise. */
export function aSandboxSession(overrides: Partial<z.input<typeof sandboxSessionView>> = {}): SandboxSessionView {
  return sandboxSessionView.parse({
    status: 'STARTED',
    expiresAt: '2026-12-01T02:00:00.000Z',
    methods: ['ho', 'ic_chip'],
    method: 'ho',
    documentType: 'drivers_license',
    uploaded: [],
    ...overrides,
  })
}
