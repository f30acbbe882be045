import { useFormContext } from 'react-hook-form'
import type * as z from 'zod/mini'
import { loginStep } from '@kakunin/schema/form/login-step'
import { TextField } from '../../../../components/form/text-field.tsx'
import { useErrorMessage } from '../../../../components/form/use-error-message.ts'
import { schemaResolver } from '../../../../lib/schema-resolver.ts'
import { StepScreen } from '../step-screen.tsx'

type Values = z.input<typeof loginStep>

const resolver = schemaResolver(loginStep)
const EMPTY: Values = { accountSid: '', loginEmail: '', contactEmail: '' }

/** Twilioログイン情報: the account to register and the two addresses that reach its owner. */
export function LoginStepPage() {
  return (
    <StepScreen step="login" setup={(application) => ({ defaultValues: application.answers.login ?? EMPTY, resolver })}>
      <LoginFields />
    </StepScreen>
  )
}

function LoginFields() {
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
            <p>例: AC0123456789abcdef0123456789abcdef</p>
          </>
        }
        autoComplete="off"
        spellCheck={false}
        error={errorMessage('accountSid')}
        registration={register('accountSid')}
      />
      <TextField
        id="loginEmail"
        label="Twilioコンソールログイン用メールアドレス"
        hint={
          <>
            <p>OWNER権限を持ったアカウントのメールアドレスを入力してください。</p>
            <p>例: taro@example.com</p>
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
            <p>例: hanako@example.net</p>
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
