/* global document, window, navigator */
// Passkeys (通行密钥) — progressive enhancement only. Boxes marked data-passkey="register" (/account/passkeys)
// or "sign-in" (/login) are rendered hidden and shown here when the browser has WebAuthn and a platform
// authenticator; without either, the pages work exactly as before. The server sends options as JSON with
// base64url binary fields (WebAuthn L3 JSON shape) and takes the credential back the same way.
;(function () {
  var boxes = document.querySelectorAll('[data-passkey]')
  var PKC = window.PublicKeyCredential
  if (!boxes.length || !PKC || !navigator.credentials || !PKC.isUserVerifyingPlatformAuthenticatorAvailable) return

  function toBuf(s) {
    var b = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4))
    var u = new Uint8Array(b.length)
    for (var i = 0; i < b.length; i++) u[i] = b.charCodeAt(i)
    return u.buffer
  }
  function toB64(buf) {
    var u = new Uint8Array(buf)
    var s = ''
    for (var i = 0; i < u.length; i++) s += String.fromCharCode(u[i])
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  }
  function withIds(list) {
    return (list || []).map(function (c) { return Object.assign({}, c, { id: toBuf(c.id) }) })
  }
  function post(box, url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': box.dataset.csrf },
      body: JSON.stringify(body),
    }).then(function (r) {
      return r.json().catch(function () { return {} }).then(function (j) {
        if (!r.ok) throw { fromServer: true, message: j.error || box.dataset.msgFailed }
        return j
      })
    })
  }
  function credentialJson(cred) {
    var r = cred.response
    var response = { clientDataJSON: toB64(r.clientDataJSON) }
    if (r.attestationObject) {
      response.attestationObject = toB64(r.attestationObject)
      response.transports = r.getTransports ? r.getTransports() : []
    } else {
      response.authenticatorData = toB64(r.authenticatorData)
      response.signature = toB64(r.signature)
      if (r.userHandle) response.userHandle = toB64(r.userHandle)
    }
    return {
      id: cred.id, rawId: toB64(cred.rawId), type: cred.type, response: response,
      authenticatorAttachment: cred.authenticatorAttachment || undefined,
      clientExtensionResults: cred.getClientExtensionResults ? cred.getClientExtensionResults() : {},
    }
  }

  function run(box) {
    var error = box.querySelector('[data-passkey-error]')
    var button = box.querySelector('button')
    var register = box.dataset.passkey === 'register'
    var label = box.querySelector('input[name="label"]')
    error.hidden = true
    button.disabled = true
    post(box, box.dataset.optionsUrl, {})
      .then(function (o) {
        var pk = Object.assign({}, o.options, { challenge: toBuf(o.options.challenge) })
        if (register) {
          pk.user = Object.assign({}, pk.user, { id: toBuf(pk.user.id) })
          pk.excludeCredentials = withIds(pk.excludeCredentials)
          return navigator.credentials.create({ publicKey: pk })
        }
        pk.allowCredentials = withIds(pk.allowCredentials)
        return navigator.credentials.get({ publicKey: pk })
      })
      .then(function (cred) {
        var body = { credential: credentialJson(cred) }
        if (register) body.label = label ? label.value : ''
        else body.next = box.dataset.next
        return post(box, box.dataset.finishUrl, body)
      })
      .then(function (done) {
        window.location.assign(done.redirect)
      })
      .catch(function (e) {
        button.disabled = false
        var name = e && e.name
        error.textContent = e && e.fromServer ? e.message
          : name === 'NotAllowedError' || name === 'AbortError' ? box.dataset.msgCancelled
          : name === 'InvalidStateError' && box.dataset.msgExists ? box.dataset.msgExists
          : box.dataset.msgFailed
        error.hidden = false
      })
  }

  PKC.isUserVerifyingPlatformAuthenticatorAvailable().then(function (ok) {
    if (!ok) return
    document.querySelectorAll('[data-passkey-fallback]').forEach(function (p) { p.hidden = true })
    boxes.forEach(function (box) {
      box.hidden = false
      if (box.tagName === 'FORM') box.addEventListener('submit', function (ev) { ev.preventDefault(); run(box) })
      else box.querySelector('[data-passkey-start]').addEventListener('click', function () { run(box) })
    })
  }, function () {})
})()
