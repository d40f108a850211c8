/* global window, document */
// Draft autosave (applications portal draft-page.tsx) — progressive enhancement only; without this file
// 保存草稿 is the way to save. On a form with [data-autosave]: 10 s after the last change (or at once when the
// page is hidden), the non-file fields are POSTed with the current `rev` to the data-autosave URL (CSRF token in
// X-CSRF-Token). The answer's rev goes into the hidden `rev` input; #autosave-status (a polite live region)
// says when. 409 (saved in another window, or no longer a draft) and 403 stop autosaving; so does pressing a
// submit button.
;(function () {
  var form = document.querySelector('form[data-autosave]')
  var status = document.getElementById('autosave-status')
  if (!form || !status || !window.fetch || !window.URLSearchParams) return
  var url = form.getAttribute('data-autosave')
  var DELAY = 10000
  var timer = null
  var dirty = false
  var busy = false
  var stopped = false

  function say(key, extra) {
    status.textContent = (status.getAttribute('data-' + key) || '') + (extra ? ' ' + extra : '')
  }
  function field(name) {
    return form.querySelector('input[name="' + name + '"]')
  }
  function stop() {
    stopped = true
    if (timer) clearTimeout(timer)
    timer = null
  }
  function hhmm(iso) {
    var d = new Date(iso)
    if (isNaN(d.getTime())) d = new Date()
    var p = function (n) { return (n < 10 ? '0' : '') + n }
    return p(d.getHours()) + ':' + p(d.getMinutes())
  }
  function body() {
    var out = new URLSearchParams()
    new FormData(form).forEach(function (v, k) {
      if (typeof v !== 'string' || k === '_action' || k === '_csrf') return
      out.append(k, v)
    })
    return out
  }
  function save(leaving) {
    if (timer) clearTimeout(timer)
    timer = null
    if (stopped || !dirty) return
    if (busy) { schedule(); return }
    busy = true
    dirty = false
    var csrf = field('_csrf')
    var data = body()
    var opts = {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': csrf ? csrf.value : '', Accept: 'application/json' },
      body: data.toString(),
      keepalive: !!leaving && data.toString().length < 60000,
    }
    fetch(url, opts).then(function (res) {
      return res.json().catch(function () { return {} }).then(function (j) {
        if (stopped) return
        if (res.ok && typeof j.rev === 'number') {
          var rev = field('rev')
          if (rev) rev.value = String(j.rev)
          say('saved', hhmm(j.savedAt))
        } else if (res.status === 409) {
          stop()
          say('conflict')
        } else if (res.status === 403 || res.status === 404) {
          stop()
          say('expired')
        } else if (res.status === 400) {
          say('invalid')
        } else {
          dirty = true
          say('failed')
        }
      })
    }, function () {
      dirty = true
      if (!stopped) say('failed')
    }).then(function () {
      busy = false
      if (dirty && !stopped) schedule()
    })
  }
  function schedule() {
    if (stopped) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(function () { save(false) }, DELAY)
  }
  function changed(e) {
    if (stopped || !e.target || !e.target.name || e.target.type === 'file') return
    dirty = true
    schedule()
  }
  form.addEventListener('input', changed)
  form.addEventListener('change', changed)
  // Any submit (保存草稿, 提交申请, a row button) takes over: never autosave after it.
  form.addEventListener('submit', stop)
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') save(true)
  })
})()
