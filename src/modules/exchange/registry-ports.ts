import type { DB } from '../../platform/database'
import type { Secrets } from '../../platform/secrets'
import type { RegistryPorts } from '../identity'

/** The exchange's implementation of identity's RegistryPorts (issue 3, being built). */
export function createRegistryPorts(_db: DB, _secrets: Secrets): RegistryPorts {
  return {
    async verifyPerson() {
      throw new Error('exchange registry ports are not built yet')
    },
    async verifyEntity() {
      throw new Error('exchange registry ports are not built yet')
    },
  }
}
