// Public surface of the catalog module: operations, queries, types, routes.
export * from './service-item'
export { validateItem, checkSteps, LIMITS } from './item-validation'
export { saveItem, saveValidItem, type SaveItemResult } from './save-item'
export { importCatalog, type ImportReport, type ImportLineError } from './import-catalog'
export { exportCatalog } from './export-catalog'
export * from './catalog-queries'
export type { CatalogSearch, SearchQuery, SearchResult, SearchHit, SearchFilters } from './search/types'
export { createCatalogSearch } from './search/search-index'
