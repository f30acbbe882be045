import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Takes the application's row lock until the transaction ends: status changes and the 代理人's
 * ground are made one at a time per application, so each sees what the one before it wrote
 * (two verdicts arriving together, a ground recorded while a verdict arrives). Returns false for
 * an id that cannot be an application's (then there is nothing to lock).
 */
export async function lockApplication(tx: TransactionClient, applicationId: string): Promise<boolean> {
  if (!UUID.test(applicationId)) return false
  await tx.$queryRaw`SELECT 1 FROM applications WHERE id = ${applicationId}::uuid FOR UPDATE`
  return true
}
