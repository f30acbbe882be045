import type { FieldErrors, FieldValues, Resolver, ResolverOptions } from 'react-hook-form'
import { describe, expect, it } from 'vitest'
import { loginStepFor, VERIFIED_SID_REQUIRED_MESSAGE } from '@kakunin/schema/form/login-step'
import { validAddress, validLogin, validUser } from '@kakunin/test-data/answers'
import { typeStep } from '@kakunin/schema/form/type-step'
import { userStep } from '@kakunin/schema/form/user-step'
import { schemaResolver, withoutNulls } from './schema-resolver.ts'

const OPTIONS: ResolverOptions<FieldValues> = { fields: {}, shouldUseNativeValidation: false }

async function resolve<V extends FieldValues, O>(resolver: Resolver<V, unknown, O>, values: V) {
  return resolver(values, undefined, OPTIONS as unknown as ResolverOptions<V>)
}

/** Each error's form path and message, as the fields and the error summary will show them. */
function messages(errors: FieldErrors, path: string[] = []): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, node] of Object.entries(errors)) {
    if (!node || typeof node !== 'object' || key === 'ref') continue
    if ('message' in node && typeof node.message === 'string') out[[...path, key].join('.')] = node.message
    Object.assign(out, messages(node as FieldErrors, [...path, key]))
  }
  return out
}

describe('withoutNulls', () => {
  it('drops null values at any depth, keeping everything else', () => {
    expect(withoutNulls({ a: null, b: '', c: { d: null, e: 0 }, f: [{ g: null, h: false }] })).toEqual({
      b: '',
      c: { e: 0 },
      f: [{ h: false }],
    })
  })
})

describe('schemaResolver', () => {
  it('puts each field error on the form path the field is registered under', async () => {
    const resolver = schemaResolver(userStep)
    const result = await resolve(resolver, {
      ...validUser,
      familyName: '',
      birthDate: { year: '90', month: '4', day: '1' },
      address: { ...validAddress, postalCode: '15' },
    })
    expect(result.values).toEqual({})
    expect(messages(result.errors)).toEqual({
      familyName: '姓を入力してください',
      'birthDate.year': expect.stringContaining('年は西暦の4桁の数字'),
      'address.postalCode': expect.any(String),
    })
  })

  it('returns the schema’s parsed output when the values pass', async () => {
    const result = await resolve(schemaResolver(userStep), {
      ...validUser,
      birthDate: { year: '１９９０', month: '04', day: '01' },
    })
    expect(result.errors).toEqual({})
    expect(result.values).toEqual(userStep.parse(validUser))
  })

  it('reads an unanswered radio group (null) as no answer, so the schema’s own message shows', async () => {
    const result = await resolve(schemaResolver(typeStep), { applicantType: null })
    expect(messages(result.errors)).toEqual({ applicantType: '「個人として申し込み」か「法人として申し込み」を選択してください' })
  })

  it('reshapes the values with `toInput` before the schema decides', async () => {
    const linkVerified = schemaResolver(loginStepFor('LINK_VERIFIED'), (values: typeof validLogin) =>
      withoutNulls({ ...values, verifiedAccountSid: values.verifiedAccountSid || undefined }),
    )
    const result = await resolve(linkVerified, { ...validLogin, verifiedAccountSid: '' })
    expect(messages(result.errors)).toEqual({ verifiedAccountSid: VERIFIED_SID_REQUIRED_MESSAGE })
  })
})
