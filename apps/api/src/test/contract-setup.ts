import { afterAll, afterEach } from 'vitest'
import { takeContractMismatches } from './contract.ts'

// Fails the test during which a response contradicted the OpenAPI document (see contract.ts);
// responses made in beforeAll fail the file's first test, those in afterAll the file.
function failOnMismatches() {
  const found = takeContractMismatches()
  if (found.length > 0) throw new Error(`${found.length} response(s) contradict the OpenAPI document:\n${found.join('\n')}`)
}

afterEach(failOnMismatches)
afterAll(failOnMismatches)
