import { defineConfig } from 'prisma/config'

// Used by `prisma generate` at install time (no database needed) and by Prisma's own CLI on
// machines that have its native engine. The project's migrations run through `pnpm db:migrate`.
export default defineConfig({
  schema: '../../prisma/schema.prisma',
  migrations: { path: '../../prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/kakunin' },
})
