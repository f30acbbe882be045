import * as z from 'zod/mini'
import { ja } from 'zod/locales'
import { japaneseMessage } from './messages.ts'

// zod/mini: the same engine as zod with tree-shakable checks, so the browser loads a few kB of
// validation instead of about 22 kB. Every schema imports z from here, so the Japanese messages
// apply wherever a schema is parsed, in the browser and in the API alike. Only the `ja` locale is
// imported by name, so no other language reaches the bundle.
z.config(ja())
z.config({ customError: japaneseMessage })

export { z }
