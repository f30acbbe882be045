import type { QueryFunctionContext } from '@tanstack/react-query'

/**
 * Whether a polled query's fetch is a poll: once its data is on the screen, only the interval
 * refetches it (window focus does not, and a user's action fetches through its own call), so a
 * fetch of a query that has data is the page asking by itself. The first read is the page opening.
 */
export const isPoll = ({ client, queryKey }: Pick<QueryFunctionContext, 'client' | 'queryKey'>) => client.getQueryData(queryKey) !== undefined
