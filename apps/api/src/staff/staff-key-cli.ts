// pnpm staff:key create --name NAME --role admin|compliance|reviewer|viewer --person 氏名 --department 所属部署 | list | revoke <id>
import { parseArgs } from 'node:util'
import { PrismaPg } from '@prisma/adapter-pg'
import { STAFF_ROLES, staffPerson, type StaffRole } from '@kakunin/schema/staff'
import { loadConfig } from '#src/config/config.ts'
import { openDatabase } from '#src/db/database.ts'
import { applyMigrations } from '#src/db/migrations/migrator.ts'
import { PrismaClient } from '#src/generated/prisma/client.ts'
import { createStaffKey } from './staff-keys.ts'

const usage = `Usage:
  pnpm staff:key create --name "sato-review" --role admin|compliance|reviewer|viewer --person "佐藤 花子" --department "コンプライアンス部"
    (--person and --department: who acts with the key; the 確認記録 names them as who verified)
  pnpm staff:key list
  pnpm staff:key revoke <id>`

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { name: { type: 'string' }, role: { type: 'string' }, person: { type: 'string' }, department: { type: 'string' } },
  })
  const [command, id] = positionals
  const role = values.role?.toUpperCase() as StaffRole | undefined
  const person = staffPerson.safeParse({ name: values.person, department: values.department })
  if (command === 'create' && (!values.name || !role || !STAFF_ROLES.includes(role) || !person.success)) {
    console.error(usage)
    return 2
  }
  if (command !== 'create' && command !== 'list' && !(command === 'revoke' && id)) {
    console.error(usage)
    return 2
  }
  const database = await openDatabase(loadConfig())
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) })
  try {
    await applyMigrations(database.url)
    if (command === 'create' && values.name && role && person.success) {
      const { key, record } = await createStaffKey(prisma, { name: values.name, role, person: person.data })
      console.log(`Created ${record.role} key "${record.name}" for ${person.data.name}（${person.data.department}） (id ${record.id}).`)
      console.log(`\n  ${key}\n\nStore it now: it is shown only once (only its hash is kept).`)
    } else if (command === 'list') {
      for (const key of await prisma.staffKey.findMany({ orderBy: { createdAt: 'asc' } })) {
        const who = key.personName ? `${key.personName}（${key.department}）` : '(no person: cannot decide)'
        console.log(`${key.id}  ${key.prefix}…  ${key.role.padEnd(8)}  ${key.name}  ${who}${key.revokedAt ? '  (revoked)' : ''}`)
      }
    } else if (command === 'revoke' && id) {
      const revoked = await prisma.staffKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } })
      console.log(revoked.count ? `Revoked ${id}.` : `No active key ${id}.`)
      return revoked.count ? 0 : 1
    }
    return 0
  } finally {
    await prisma.$disconnect()
    await database.stop()
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
