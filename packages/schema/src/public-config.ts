import { z } from './zod.ts'

/** Who collects the applicant's data, and how to reach them (個人情報保護法21条): every page names them. */
export const operatorSchema = z.object({
  name: z.string(),
  url: z.string(),
  supportEmail: z.string(),
  /** The operator's own privacy policy; null: the service's /privacy page is the policy. */
  privacyPolicyUrl: z.nullable(z.string()),
})

/** GET /api/config: what the SPA may know of the server's configuration. */
export const publicConfigResponse = z.object({
  /** The domain our emails come from, which applicants are asked to allow (迷惑メール対策). */
  mailDomain: z.string(),
  operator: operatorSchema,
})

export type Operator = z.infer<typeof operatorSchema>
export type PublicConfig = z.infer<typeof publicConfigResponse>
