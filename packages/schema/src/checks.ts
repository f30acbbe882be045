/**
 * For rules across fields: run them even when other fields already failed (zod skips them by
 * default), so a person sees every problem at the first attempt, but only once there is an
 * object to look at.
 */
export const evenWithOtherIssues = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
}
