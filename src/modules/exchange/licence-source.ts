import type { Executor } from '../../platform/database'
import type { FieldValue } from './dataset-verifiers'

/**
 * The 电子证照库 behind the exchange (dataset `licence.e-licence`, source `licences`). The exchange sits BELOW
 * licences (ARCHITECTURE.md §2), so it only defines this port; the licences module implements it
 * (createLicenceSource) and src/main/compose.ts wires it into Deps.licenceSource. readSharedData asks it
 * for the licence a read names, and logs the read under the licence's HOLDER (a person or an enterprise),
 * so the holder sees it in 我的数据使用记录.
 */
export type LicenceRef = { identifier: string } | { holderCode: string; typeName: string }
export type LicenceHolder = { type: 'person'; idNumber: string } | { type: 'entity'; uscc: string }
export type LicenceRecord = {
  /** Whose licence it is — the subject the access log records. */
  holder: LicenceHolder
  /** The dataset's fields (identifier, typeName, number, holder, holderName, holderCode (masked), issuer, face,
   * validity, validFrom, validUntil, status, trustLevel). A licence whose record fails its signature comes back
   * with status `tampered` and no content. */
  fields: Record<string, FieldValue>
}
export type LicenceSource = {
  /** The licence named by `ref` as of `now`, or undefined when there is none. Reads with `db` (the caller's executor). */
  licence(db: Executor, ref: LicenceRef, now: Date): Promise<LicenceRecord | undefined>
}
