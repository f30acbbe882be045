import type { DeepPartial } from 'react-hook-form'
import type * as z from 'zod/mini'
import type { person } from '@kakunin/schema/form/person'

/** A person nobody has entered yet: every text input starts empty, the prefecture unchosen. */
export const EMPTY_PERSON: DeepPartial<z.input<typeof person>> = {
  familyName: '',
  givenName: '',
  familyNameKana: '',
  givenNameKana: '',
  birthDate: { year: '', month: '', day: '' },
  address: { postalCode: '', city: '', town: '', building: '' },
}
