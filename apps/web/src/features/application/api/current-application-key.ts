/** The query key of this browser's application; mutations write their response under it. */
export const CURRENT_APPLICATION_KEY = ['applications', 'current'] as const
