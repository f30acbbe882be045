import { describe, expect, it } from 'vitest'
import type { ErrorResponse } from '@kakunin/schema/errors'
import { ApiRequestError } from './api-client.ts'
import { readServerError } from './server-errors.ts'

const failure = (status: number, error: ErrorResponse['error']) => new ApiRequestError(status, error)

describe('readServerError', () => {
  it('maps field errors under the prefix to the form paths, with nothing else to say', () => {
    const error = failure(400, {
      code: 'VALIDATION_FAILED',
      message: '入力内容に誤りがあります。',
      fields: { 'values.familyName': '姓を入力してください', 'values.address.postalCode': '郵便番号は7桁の数字で入力してください' },
    })
    expect(readServerError(error, 'values.')).toEqual({
      fields: { familyName: '姓を入力してください', 'address.postalCode': '郵便番号は7桁の数字で入力してください' },
      message: undefined,
      conflict: false,
    })
  })

  it('keeps the message when some field errors are not the form’s', () => {
    const error = failure(400, {
      code: 'VALIDATION_FAILED',
      message: '入力内容に誤りがあります。',
      fields: { 'values.familyName': '姓を入力してください', version: '数値を入力してください' },
    })
    expect(readServerError(error, 'values.')).toEqual({
      fields: { familyName: '姓を入力してください' },
      message: '入力内容に誤りがあります。',
      conflict: false,
    })
  })

  it('does not place an error on the prefix itself or on the body (`_`)', () => {
    const error = failure(400, { code: 'BAD_REQUEST', message: '送信内容を読み取れませんでした。', fields: { 'values.': 'x', _: 'y' } })
    expect(readServerError(error, 'values.')).toEqual({ fields: {}, message: '送信内容を読み取れませんでした。', conflict: false })
  })

  it('without a prefix, every path is a form path (the entry question, the confirmation screen)', () => {
    const error = failure(400, { code: 'VALIDATION_FAILED', message: '入力内容に誤りがあります。', fields: { flow: '選択してください' } })
    expect(readServerError(error)).toEqual({ fields: { flow: '選択してください' }, message: undefined, conflict: false })
  })

  it('says a 409 is a conflict, with the server’s message', () => {
    const error = failure(409, { code: 'CONFLICT', message: 'このお申し込みは別の画面または端末で更新されています。' })
    expect(readServerError(error, 'values.')).toEqual({
      fields: {},
      message: 'このお申し込みは別の画面または端末で更新されています。',
      conflict: true,
    })
  })

  it('passes on the message of a failure without fields (network, server)', () => {
    const error = failure(0, { code: 'SERVICE_UNAVAILABLE', message: '通信できませんでした。' })
    expect(readServerError(error, 'values.')).toEqual({ fields: {}, message: '通信できませんでした。', conflict: false })
  })

  it('says something general about anything that is not an API failure', () => {
    expect(readServerError(new TypeError('boom'))).toEqual({
      fields: {},
      message: 'エラーが発生しました。もう一度お試しください。',
      conflict: false,
    })
  })
})
