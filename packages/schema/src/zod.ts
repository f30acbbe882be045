import { z } from 'zod'
import { ja } from 'zod/locales'
import { japaneseMessage } from './messages.ts'

// Every schema imports z from here, so the Japanese messages apply wherever a schema is parsed:
// in the browser and in the API alike.
// The one locale imported by name: `z.locales` would pull every language into the browser bundle.
z.config(ja())
z.config({ customError: japaneseMessage })

export { z }
