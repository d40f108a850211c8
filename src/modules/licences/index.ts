/**
 * licences — 电子证照 (issue 5): types, issue on approval (办结即制证), department keys and signatures, lifecycle,
 * verification for anyone, the wallet (我的证照). Sits above cases in the module order (ARCHITECTURE.md §2).
 */
export { seedLicenceTypes } from './seed-licence-types'
export { createCaseResultIssuer } from './case-results'
export { issueLicenceForCase, validUntilFor, type IssuedLicence } from './issue-licence'
export { activeKey, rotateDepartmentKey, publishedKeys, keySetDocument, keyByKid, type SigningKey, type PublicKeyInfo } from './licence-keys'
export { suspendLicence, reinstateLicence, revokeLicence, renewLicence, changeLicence, expireDueLicences, mayManageLicence, LICENCE_STATUS, type LicenceRow, type LicenceDeps } from './licence-lifecycle'
export { verifyLicenceById, verifyCompact, verifySignedJson, payloadFrom, verdict, type Verification, type VerificationStatus, type VerifiedLicence } from './verify-licence'
export { parseSignedText, documentDigest, maskedHolderCode, type LicenceDocument } from './licence-document'
export { licencePdf, licenceVc, verificationUrl, keyUrl, statusListUrl } from './licence-exports'
// 我的证照 (wallet/): pages, 加注件, 用证码 and the applications module's held-licences port (免提交 with a licence).
export { createHeldLicences } from './wallet/held-licences'
export { createLicenceSource } from './licence-source'
export { registerWalletRoutes } from './wallet/wallet-routes'
export { makeLicenceCopy, copyPdf, copyWatermark } from './wallet/licence-copies'
export { createShareCode, cancelShareCode, redeemShareCode, ShareCodeRefusedError, type Redeemed, type RedeemRefusal } from './wallet/share-codes'
export { walletHolderOf, listWallet, getWalletLicence, type WalletHolder, type WalletCard } from './wallet/wallet-queries'
