import { ChoiceGroup, type ChoiceGroupProps } from './choice-group.tsx'

export type { ChoiceOption as RadioOption } from './choice-group.tsx'

/** One answer out of several; the first radio's id is `id` so error links can focus the group. */
export function RadioGroup(props: ChoiceGroupProps) {
  return <ChoiceGroup type="radio" {...props} />
}
