import { useMutation } from '@tanstack/react-query'
import type * as z from 'zod/mini'
import type { InquiryBody, inquiryReceipt } from '@kakunin/schema/inquiry'
import { answer, api } from '#src/lib/api-client.ts'

export type InquiryReceipt = z.infer<typeof inquiryReceipt>

/** お問い合わせ: stored, acknowledged by email; `attachApplication` adds this browser's application. */
export const sendInquiry = (body: InquiryBody): Promise<InquiryReceipt> => answer(api.POST('/api/inquiries', { body }))

export function useSendInquiry() {
  return useMutation({ mutationFn: sendInquiry })
}
