// The first setup file (vitest.config.ts), run before setup.ts loads any of the SPA's modules: the
// API client takes the global Request when it is created, and must take the one that keeps a
// page's FormData for MSW (native-form-data.ts).
import { keepFormDataInRequests } from './native-form-data.ts'

keepFormDataInRequests()
