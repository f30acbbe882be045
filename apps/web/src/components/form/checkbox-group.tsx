import { ChoiceGroup, type ChoiceGroupProps } from './choice-group.tsx'

/** Any number of answers; react-hook-form collects the checked values into an array. */
export function CheckboxGroup(props: ChoiceGroupProps) {
  return <ChoiceGroup type="checkbox" {...props} />
}
