import { useFormContext } from 'react-hook-form'
import type * as z from 'zod/mini'
import type { ApplicationFlow } from '@kakunin/schema/application-flow'
import { loginStepFor, type loginStep } from '@kakunin/schema/form/login-step'
import { TextField } from '#src/components/form/text-field.tsx'
import { useErrorMessage } from '#src/components/form/use-error-message.ts'
import { schemaResolver, withoutNulls } from '#src/lib/schema-resolver.ts'
import { StepScreen } from '#src/features/application/steps/step-screen.tsx'

type Values = z.input<typeof loginStep>

/**
 * The schema of each flow: 2回目以降 requires 取引時確認済みのAccount SID, the first time refuses it.
 * An empty verified SID is no answer, so the flow's own message (入力してください) says so.
 */
const resolvers = {
  FIRST_TIME: schemaResolver(loginStepFor('FIRST_TIME')),
  LINK_VERIFIED: schemaResolver(loginStepFor('LINK_VERIFIED'), (values: Values) =>
    withoutNulls({ ...values, verifiedAccountSid: values.verifiedAccountSid || undefined }),
  ),
} satisfies Record<ApplicationFlow, unknown>

const EMPTY: Record<ApplicationFlow, Values> = {
  FIRST_TIME: { accountSid: '', loginEmail: '', contactEmail: '' },
  LINK_VERIFIED: { accountSid: '', verifiedAccountSid: '', loginEmail: '', contactEmail: '' },
}

/**
 * Twilioログイン情報: the account to register and the two addresses that reach its owner; in the
 * already-verified flow (2回目以降), also the Account SID that passed 取引時確認 before.
 */
export function LoginStepPage() {
  return (
    <StepScreen
      step="login"
      setup={({ flow, answers }) => ({ defaultValues: { ...EMPTY[flow], ...answers.login }, resolver: resolvers[flow] })}
    >
      {({ flow }) => <LoginFields linkVerified={flow === 'LINK_VERIFIED'} />}
    </StepScreen>
  )
}

function LoginFields({ linkVerified }: { linkVerified: boolean }) {
  const { register } = useFormContext<Values>()
  const errorMessage = useErrorMessage()
  return (
    <>
      <TextField
        id="accountSid"
        label="新しいAccount SID"
        hint={
          <>
            <p>登録するAccount SID（マスターAccount SID）を入力してください。</p>
            <p>例：AC0123456789abcdef0123456789abcdef</p>
          </>
        }
        autoComplete="off"
        spellCheck={false}
        error={errorMessage('accountSid')}
        registration={register('accountSid')}
      />
      {linkVerified && (
        <TextField
          id="verifiedAccountSid"
          label="取引時確認済みのAccount SID"
          hint={
            <>
              <p>以前に取引時確認を完了したTwilioアカウントのAccount SIDを入力してください。新しいAccount SIDとは別のものです。</p>
              <p>例：ACfedcba9876543210fedcba9876543210</p>
            </>
          }
          autoComplete="off"
          spellCheck={false}
          error={errorMessage('verifiedAccountSid')}
          registration={register('verifiedAccountSid')}
        />
      )}
      <TextField
        id="loginEmail"
        label="Twilioコンソールログイン用メールアドレス"
        hint={
          <>
            <p>OWNER権限を持ったアカウントのメールアドレスを入力してください。</p>
            <p>例：taro@example.com</p>
          </>
        }
        inputMode="email"
        autoComplete="email"
        spellCheck={false}
        error={errorMessage('loginEmail')}
        registration={register('loginEmail')}
      />
      <TextField
        id="contactEmail"
        label="連絡用メールアドレス"
        hint={
          <>
            <p>Twilioコンソールログイン用メールアドレスに連絡できなかった際に利用します。ログイン用とは別のアドレスを入力してください。</p>
            <p>例：hanako@example.net</p>
          </>
        }
        inputMode="email"
        autoComplete="off"
        spellCheck={false}
        error={errorMessage('contactEmail')}
        registration={register('contactEmail')}
      />
    </>
  )
}
