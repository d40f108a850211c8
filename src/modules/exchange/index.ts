// Public surface of the exchange module: base registries, shared-data catalogue, grants, the one read path, the access log.
export { createRegistryPorts } from './registry-ports'
