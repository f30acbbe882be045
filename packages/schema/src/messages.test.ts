import { describe, expect, it } from 'vitest'
import { issuesOf } from '@kakunin/test-data/schema-checks'
import { z } from './zod.ts'

const messageOf = (schema: Parameters<typeof issuesOf>[0], input: unknown) => issuesOf(schema, input)[0]?.message

describe('Japanese messages', () => {
  describe('for a value of the wrong type', () => {
    it.each([
      ['undefined', z.string(), undefined, '入力してください'],
      ['null', z.number(), null, '入力してください'],
      ['a number for a string', z.string(), 1, '文字列で入力してください'],
      ['a string for a number', z.number(), '1', '数値で入力してください'],
      ['a fraction for an integer', z.int(), 1.5, '整数で入力してください'],
      ['a string for a boolean', z.boolean(), 'true', '真偽値で入力してください'],
      ['an array for an object', z.object({}), [], 'オブジェクトで入力してください'],
      ['a string for an array', z.array(z.string()), 'a', '配列で入力してください'],
      ['a string for a date', z.date(), '2025-01-01', '日付で入力してください'],
    ] as const)('names the expected type for %s', (_, schema, input, message) => {
      expect(messageOf(schema, input)).toBe(message)
    })
  })

  it.each([
    ['an enum', z.enum(['a', 'b']), 'c'],
    ['a literal', z.literal('ok'), 'ng'],
    ['a union', z.union([z.literal('a'), z.literal(1)]), 'c'],
  ] as const)('asks to choose from the options of %s', (_, schema, input) => {
    expect(messageOf(schema, input)).toBe('選択肢の中から選択してください')
  })

  it.each([
    ['an empty required string', z.string().check(z.minLength(1)), '', '入力してください'],
    ['a short string', z.string().check(z.minLength(3)), 'ab', '3文字以上で入力してください'],
    ['a long string', z.string().check(z.maxLength(3)), 'abcd', '3文字以内で入力してください'],
    ['an empty selection', z.array(z.string()).check(z.minLength(1)), [], '1つ以上選択してください'],
    ['too few choices', z.array(z.string()).check(z.minLength(2)), ['a'], '2つ以上選択してください'],
    ['too many choices', z.array(z.string()).check(z.maxLength(2)), ['a', 'b', 'c'], '2つ以内で選択してください'],
    ['a small number', z.number().check(z.minimum(1)), 0, '1以上の値を入力してください'],
    ['a large number', z.number().check(z.maximum(10)), 11, '10以下の値を入力してください'],
  ] as const)('gives the limit for %s', (_, schema, input, message) => {
    expect(messageOf(schema, input)).toBe(message)
  })

  it('lists the keys it does not accept', () => {
    expect(messageOf(z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 })).toBe(
      '入力できない項目が含まれています: b, c',
    )
  })

  it('explains formats', () => {
    expect(messageOf(z.email(), 'taro')).toBe('メールアドレスの形式で入力してください')
    expect(messageOf(z.uuid(), 'x')).toBe('形式が正しくありません')
    expect(messageOf(z.string().check(z.regex(/^\d+$/)), 'x')).toBe('形式が正しくありません')
  })

  it('lets a schema’s own message win', () => {
    expect(messageOf(z.enum(['a'], '種類を選択してください'), 'b')).toBe('種類を選択してください')
    expect(messageOf(z.string().check(z.minLength(1, '姓を入力してください')), '')).toBe('姓を入力してください')
  })

  it('falls back to zod’s Japanese locale for issues it does not cover', () => {
    expect(messageOf(z.number().check(z.multipleOf(5)), 3)).toMatch(/[ぁ-んァ-ン一-龯]/)
  })
})
