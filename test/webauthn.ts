import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto'
import { isoCBOR } from '@simplewebauthn/server/helpers'

/**
 * A software passkey for tests: what a platform authenticator and the browser together hand the server, made
 * with node:crypto — an ES256 (P-256) key pair, 'none' attestation, authenticatorData (rpIdHash, flags,
 * signature counter, attested credential data with the COSE key) and clientDataJSON carrying the challenge.
 * Real objects, so @simplewebauthn/server verifies them exactly as it verifies a browser's.
 */
const b64 = (b: Uint8Array | Buffer) => Buffer.from(b).toString('base64url')
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest()
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b }

export type PasskeyOptions = { challenge: string; user?: { id: string } }
export type Tweaks = { origin?: string; rpID?: string; userVerified?: boolean; counter?: number; challenge?: string }

export class SoftPasskey {
  readonly id = randomBytes(16).toString('base64url')
  private readonly keys = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  /** Signature counter; each assertion adds 1 unless `counter` is given. */
  counter = 0
  userHandle: string | undefined
  constructor(readonly origin = 'http://localhost:3000', readonly rpID = 'localhost') {}

  private clientData(type: string, options: PasskeyOptions, t: Tweaks): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge: t.challenge ?? options.challenge, origin: t.origin ?? this.origin, crossOrigin: false }))
  }
  private authData(t: Tweaks, attested?: Buffer): Buffer {
    const flags = 0x01 | (t.userVerified === false ? 0 : 0x04) | (attested ? 0x40 : 0)
    return Buffer.concat([sha256(t.rpID ?? this.rpID), Buffer.from([flags]), u32(this.counter), attested ?? Buffer.alloc(0)])
  }

  /** navigator.credentials.create(): the RegistrationResponseJSON passkey.js would send. */
  attestation(options: PasskeyOptions, t: Tweaks = {}) {
    this.userHandle = options.user?.id
    const jwk = this.keys.publicKey.export({ format: 'jwk' })
    const cose = isoCBOR.encode(new Map<number, number | Uint8Array>([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(jwk.x!, 'base64url')], [-3, Buffer.from(jwk.y!, 'base64url')]]))
    const credId = Buffer.from(this.id, 'base64url')
    const attested = Buffer.concat([Buffer.alloc(16), Buffer.from([credId.length >> 8, credId.length & 0xff]), credId, Buffer.from(cose)])
    const attestationObject = isoCBOR.encode(new Map<string, string | Map<string, string> | Uint8Array>([['fmt', 'none'], ['attStmt', new Map<string, string>()], ['authData', this.authData(t, attested)]]))
    return {
      id: this.id, rawId: this.id, type: 'public-key', authenticatorAttachment: 'platform', clientExtensionResults: {},
      response: { clientDataJSON: b64(this.clientData('webauthn.create', options, t)), attestationObject: b64(attestationObject), transports: ['internal'] },
    }
  }

  /** navigator.credentials.get(): the AuthenticationResponseJSON, signed over authenticatorData ‖ SHA-256(clientDataJSON). */
  assertion(options: PasskeyOptions, t: Tweaks = {}) {
    this.counter = t.counter ?? this.counter + 1
    const authData = this.authData(t)
    const clientData = this.clientData('webauthn.get', options, t)
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), this.keys.privateKey)
    return {
      id: this.id, rawId: this.id, type: 'public-key', authenticatorAttachment: 'platform', clientExtensionResults: {},
      response: { clientDataJSON: b64(clientData), authenticatorData: b64(authData), signature: b64(signature), ...(this.userHandle ? { userHandle: this.userHandle } : {}) },
    }
  }
}
