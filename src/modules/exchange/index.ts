// Public surface of the exchange module: base registries, shared-data catalogue, grants, the one read path, the access log.
export { createRegistryPorts } from './registry-ports'
export { databaseRegistrySource, type RegistrySource, type PersonRecord, type EntityRecord, type AddressRecord } from './registry-source'
