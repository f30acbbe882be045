import type { ReactNode } from 'react'
import { useFormContext } from 'react-hook-form'
import { AddressFieldset } from '#src/components/form/address-fieldset.tsx'
import { BirthDateField } from '#src/components/form/birth-date-field.tsx'
import { FieldGroup } from '#src/components/form/field-group.tsx'
import { fieldId } from '#src/components/form/field-ids.ts'
import { TextField } from '#src/components/form/text-field.tsx'
import { useErrorMessage } from '#src/components/form/use-error-message.ts'

export interface PersonLabels {
  name: string
  nameHint: ReactNode
  birthDate: string
  birthDateHint: ReactNode
  address: string
  addressHint: ReactNode
}

/**
 * 氏名 (姓・名 and their フリガナ), 生年月日 and 住所 of one person, registered under `prefix`
 * (`''` for the 利用者, `'agent.'` for the 代理人), as the shared `personFields` expect them.
 */
export function PersonFields({ prefix, labels, autoCompleteSection }: { prefix: '' | 'agent.'; labels: PersonLabels; autoCompleteSection?: string }) {
  const { register } = useFormContext()
  const errorMessage = useErrorMessage()
  const autoComplete = (token: string) => (autoCompleteSection ? `section-${autoCompleteSection} ${token}` : token)
  const text = (name: string, label: string, token?: string) => (
    <TextField
      id={fieldId(prefix + name)}
      label={label}
      width="medium"
      autoComplete={token && autoComplete(token)}
      error={errorMessage(prefix + name)}
      registration={register(prefix + name)}
    />
  )
  return (
    <>
      <FieldGroup id={fieldId(`${prefix}name`)} legend={labels.name} hint={labels.nameHint}>
        {text('familyName', '姓', 'family-name')}
        {text('givenName', '名', 'given-name')}
      </FieldGroup>
      <FieldGroup
        id={fieldId(`${prefix}nameKana`)}
        legend={`${labels.name}（フリガナ）`}
        hint="全角カタカナで入力してください。（例：セイ ヤマダ、メイ タロウ）"
      >
        {text('familyNameKana', 'セイ')}
        {text('givenNameKana', 'メイ')}
      </FieldGroup>
      <BirthDateField
        name={`${prefix}birthDate`}
        legend={labels.birthDate}
        hint={labels.birthDateHint}
        autoCompleteSection={autoCompleteSection}
      />
      <AddressFieldset
        name={`${prefix}address`}
        legend={labels.address}
        hint={labels.addressHint}
        autoCompleteSection={autoCompleteSection}
      />
    </>
  )
}
