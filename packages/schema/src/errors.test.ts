import { describe, expect, it } from 'vitest'
import { z } from './zod.ts'
import { fieldErrors, UNKNOWN_FIELD_MESSAGE } from './errors.ts'

const schema = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(5)),
  age: z.int(),
  contact: z.strictObject({ email: z.email() }),
})

describe('fieldErrors', () => {
  it('maps every failing field to a Japanese message by its dotted path', () => {
    const result = schema.safeParse({ name: '', age: '3', contact: { email: 'x' } })
    expect(fieldErrors(result.error!.issues)).toEqual({
      name: '入力してください',
      age: '数値で入力してください',
      'contact.email': 'メールアドレスの形式で入力してください',
    })
  })

  it('reports each unknown key on its own path', () => {
    const result = schema.safeParse({ name: 'a', age: 1, contact: { email: 'a@example.com', extra: 1 }, role: 'x' })
    expect(fieldErrors(result.error!.issues)).toEqual({
      'contact.extra': UNKNOWN_FIELD_MESSAGE,
      role: UNKNOWN_FIELD_MESSAGE,
    })
  })

  it('puts an error about the body itself under "_"', () => {
    const result = schema.safeParse([1])
    expect(fieldErrors(result.error!.issues)).toEqual({ _: 'オブジェクトで入力してください' })
  })

  it('keeps the first message when a field fails several checks', () => {
    const result = z.object({ code: z.string().check(z.minLength(3), z.regex(/^\d+$/)) }).safeParse({ code: 'a' })
    expect(fieldErrors(result.error!.issues)).toEqual({ code: '3文字以上で入力してください' })
  })
})

describe('Japanese messages', () => {
  it.each([
    [z.string(), undefined, '入力してください'],
    [z.string().check(z.maxLength(3)), 'abcd', '3文字以内で入力してください'],
    [z.enum(['a', 'b']), 'c', '選択肢の中から選択してください'],
    [z.array(z.string()).check(z.minLength(1)), [], '1つ以上選択してください'],
    [z.number().check(z.maximum(10)), 11, '10以下の値を入力してください'],
  ] as const)('%#: explains the problem in Japanese', (schemaUnderTest, input, message) => {
    expect(schemaUnderTest.safeParse(input).error?.issues[0]?.message).toBe(message)
  })

  it('falls back to zod’s Japanese locale for the rest', () => {
    const message = z.string().check(z.startsWith('AC')).safeParse('XY').error?.issues[0]?.message
    expect(message).toMatch(/[ぁ-んァ-ン一-龯]/)
  })
})
