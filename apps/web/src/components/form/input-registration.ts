import type { ChangeEventHandler, FocusEventHandler, Ref } from 'react'

/**
 * What a field spreads onto its input. react-hook-form's `register()` fits it, and so does a plain
 * object, so the entry page can use the same components without loading react-hook-form.
 */
export interface InputRegistration<E extends HTMLElement = HTMLInputElement> {
  name: string
  onChange?: ChangeEventHandler<E>
  onBlur?: FocusEventHandler<E>
  ref?: Ref<E>
}
