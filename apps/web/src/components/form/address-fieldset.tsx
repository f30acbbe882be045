import { useState, type ReactNode } from 'react'
import { useFormContext } from 'react-hook-form'
import { postalCode as postalCodeSchema } from '@kakunin/schema/address'
import { PREFECTURES } from '@kakunin/schema/prefectures'
import { lookupPostalCode } from '#src/lib/postal-code-lookup.ts'
import { fieldId } from './field-ids.ts'
import { LabelledField } from './labelled-field.tsx'
import { SelectField } from './select-field.tsx'
import { TextField } from './text-field.tsx'
import { useErrorMessage } from './use-error-message.ts'

const PREFECTURE_OPTIONS = PREFECTURES.map((prefecture) => ({ value: prefecture, label: prefecture }))

/**
 * 住所 as 郵便番号, 都道府県, 市区町村, 町域・番地 and 建物名・部屋番号, registered under `name`. 住所を検索
 * fills the first three from the 郵便番号 without leaving the page.
 */
export function AddressFieldset(props: {
  name: string
  legend: ReactNode
  hint?: ReactNode
  /** An autocomplete section, so one person's address does not fill another's. */
  autoCompleteSection?: string
}) {
  const { name, legend, hint, autoCompleteSection } = props
  const { register, getValues, setValue, setError, clearErrors, formState } = useFormContext()
  const errorMessage = useErrorMessage()
  const [lookupStatus, setLookupStatus] = useState('')
  const [searching, setSearching] = useState(false)
  const id = fieldId(name)
  const path = (part: string) => `${name}.${part}`
  const autoComplete = (token: string) => (autoCompleteSection ? `section-${autoCompleteSection} ${token}` : token)

  async function search() {
    // The shared schema decides what a valid 郵便番号 is, here as on submit.
    const parsed = postalCodeSchema.safeParse(getValues(path('postalCode')))
    if (!parsed.success) {
      setLookupStatus('')
      setError(path('postalCode'), { type: 'lookup', message: parsed.error.issues[0]?.message })
      document.getElementById(fieldId(path('postalCode')))?.focus()
      return
    }
    clearErrors(path('postalCode'))
    setSearching(true)
    setLookupStatus('住所を検索しています…')
    try {
      const found = await lookupPostalCode(parsed.data)
      if (!found) {
        setLookupStatus(`郵便番号 ${parsed.data} に該当する住所が見つかりませんでした。住所を直接入力してください。`)
        return
      }
      const options = { shouldDirty: true, shouldValidate: formState.isSubmitted }
      setValue(path('postalCode'), parsed.data, options)
      setValue(path('prefecture'), found.prefecture, options)
      setValue(path('city'), found.city, options)
      setValue(path('town'), found.town, options)
      setLookupStatus(`「${found.prefecture}${found.city}${found.town}」を入力しました。続けて番地を入力してください。`)
      const town = document.getElementById(fieldId(path('town')))
      if (town instanceof HTMLInputElement) {
        town.focus()
        town.setSelectionRange(town.value.length, town.value.length)
      }
    } catch {
      setLookupStatus('住所を検索できませんでした。住所を直接入力してください。')
    } finally {
      setSearching(false)
    }
  }

  return (
    <fieldset id={id} className="field address">
      <legend>{legend}</legend>
      {hint && <div className="hint">{hint}</div>}
      {/* 住所を検索 sits right beside the box it reads, not beside the 郵便番号's long hint. */}
      <LabelledField
        id={fieldId(path('postalCode'))}
        label="郵便番号"
        hint="ハイフンはあってもなくても構いません。（例：150-0002）"
        error={errorMessage(path('postalCode'))}
      >
        {(aria) => (
          <div className="input-with-button">
            <input
              id={fieldId(path('postalCode'))}
              className="input input-short"
              type="text"
              inputMode="numeric"
              autoComplete={autoComplete('postal-code')}
              {...aria}
              {...register(path('postalCode'))}
            />
            <button type="button" className="button button-secondary" onClick={search} disabled={searching}>
              住所を検索
            </button>
          </div>
        )}
      </LabelledField>
      <p className="lookup-status" role="status">
        {lookupStatus}
      </p>
      <SelectField
        id={fieldId(path('prefecture'))}
        label="都道府県"
        options={PREFECTURE_OPTIONS}
        autoComplete={autoComplete('address-level1')}
        error={errorMessage(path('prefecture'))}
        registration={register(path('prefecture'))}
      />
      <TextField
        id={fieldId(path('city'))}
        label="市区町村"
        hint="例：渋谷区"
        width="medium"
        autoComplete={autoComplete('address-level2')}
        error={errorMessage(path('city'))}
        registration={register(path('city'))}
      />
      <TextField
        id={fieldId(path('town'))}
        label="町域・番地"
        hint="例：渋谷2丁目21-1"
        autoComplete={autoComplete('address-line1')}
        error={errorMessage(path('town'))}
        registration={register(path('town'))}
      />
      <TextField
        id={fieldId(path('building'))}
        label="建物名・部屋番号"
        hint="建物名や部屋番号がある場合は入力してください。（例：渋谷ヒカリエ 10階）"
        required={false}
        autoComplete={autoComplete('address-line2')}
        error={errorMessage(path('building'))}
        registration={register(path('building'))}
      />
    </fieldset>
  )
}
