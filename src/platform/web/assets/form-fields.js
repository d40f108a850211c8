/* global document */
// Application forms (catalog forms/form-fields.tsx) — progressive enhancement only; without this file every
// field is visible, 添加一行 / 删除 post to the server, and the server ignores fields whose condition is false.
//  - [data-show-if]: shows the wrapper only when its condition holds; hidden controls are disabled so they are
//    neither posted nor in the tab order.
//  - [data-add-row] / [data-del-row]: add or remove a row of a repeating group in the page.
;(function () {
  var forms = []
  document.querySelectorAll('.form-fields').forEach(function (box) {
    var form = box.closest('form') || box
    if (forms.indexOf(form) < 0) forms.push(form)
  })
  if (!forms.length) return

  function valuesOf(form, key) {
    var out = []
    form.querySelectorAll('[name="f.' + key + '"]').forEach(function (el) {
      if (el.disabled && !el.hasAttribute('data-locked')) return
      if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) return
      if (el.value) out.push(el.value)
    })
    return out
  }
  function update(form) {
    form.querySelectorAll('[data-show-if]').forEach(function (w) {
      var c
      try { c = JSON.parse(w.getAttribute('data-show-if')) } catch (_e) { return }
      var got = valuesOf(form, c.field)
      var show = true
      if (c.notEmpty && !got.length) show = false
      if (c.equals && !got.some(function (v) { return c.equals.indexOf(v) >= 0 })) show = false
      // A condition on a hidden field is false.
      var dep = form.querySelector('[name="f.' + c.field + '"]')
      var depBox = dep && dep.closest('[data-show-if]')
      if (depBox && depBox.hidden) show = false
      w.hidden = !show
      w.querySelectorAll('input, select, textarea, button').forEach(function (el) {
        if (!show) { if (!el.disabled) { el.disabled = true; el.setAttribute('data-hidden-disabled', '') } }
        else if (el.hasAttribute('data-hidden-disabled')) { el.disabled = false; el.removeAttribute('data-hidden-disabled') }
      })
    })
  }

  function renumber(box) {
    var key = box.getAttribute('data-rows')
    var label = box.getAttribute('data-row-label') || ''
    var rows = box.querySelectorAll(':scope > .form-row')
    rows.forEach(function (row, i) {
      var old = row.getAttribute('data-row')
      row.setAttribute('data-row', String(i))
      var legend = row.querySelector('legend')
      if (legend) legend.textContent = label.replace('{n}', String(i + 1))
      if (old === String(i)) return
      var nameFrom = 'f.' + key + '.' + old + '.', nameTo = 'f.' + key + '.' + i + '.'
      var idFrom = 'f-' + key + '-' + old + '-', idTo = 'f-' + key + '-' + i + '-'
      row.querySelectorAll('*').forEach(function (el) {
        ;['name', 'id', 'for', 'aria-describedby'].forEach(function (a) {
          var v = el.getAttribute(a)
          if (v) el.setAttribute(a, v.split(nameFrom).join(nameTo).split(idFrom).join(idTo))
        })
        if (el.hasAttribute('data-del-row')) el.value = 'delrow:' + key + ':' + i
      })
    })
    return rows.length
  }

  forms.forEach(function (form) {
    update(form)
    form.addEventListener('change', function () { update(form) })
    form.addEventListener('input', function () { update(form) })
    form.addEventListener('click', function (ev) {
      var add = ev.target.closest && ev.target.closest('[data-add-row]')
      var del = ev.target.closest && ev.target.closest('[data-del-row]')
      if (add) {
        var box = form.querySelector('[data-rows="' + add.getAttribute('data-add-row') + '"]')
        var rows = box && box.querySelectorAll(':scope > .form-row')
        if (!box || !rows.length) return
        ev.preventDefault()
        var max = Number(box.getAttribute('data-max') || '50')
        if (rows.length >= max) return
        var copy = rows[rows.length - 1].cloneNode(true)
        copy.querySelectorAll('input, select, textarea').forEach(function (el) {
          if (el.type === 'checkbox' || el.type === 'radio') el.checked = false
          else if (el.tagName === 'SELECT') el.selectedIndex = 0
          else el.value = ''
          el.removeAttribute('aria-invalid')
          el.classList.remove('input-error')
        })
        copy.querySelectorAll('.error-message').forEach(function (el) { el.remove() })
        copy.querySelectorAll('.form-group-error').forEach(function (el) { el.classList.remove('form-group-error') })
        // Names of the copied row still carry the old index: rewrite them to the new one.
        var last = rows[rows.length - 1].getAttribute('data-row')
        box.appendChild(copy)
        var n = rows.length
        copy.setAttribute('data-row', String(n))
        var key = box.getAttribute('data-rows')
        copy.querySelectorAll('*').forEach(function (el) {
          ;['name', 'id', 'for', 'aria-describedby'].forEach(function (a) {
            var v = el.getAttribute(a)
            if (v) el.setAttribute(a, v.split('f.' + key + '.' + last + '.').join('f.' + key + '.' + n + '.').split('f-' + key + '-' + last + '-').join('f-' + key + '-' + n + '-'))
          })
        })
        renumber(box)
        box.querySelectorAll('[data-del-row]').forEach(function (b) { b.hidden = false })
        var first = copy.querySelector('input, select, textarea')
        if (first) first.focus()
        if (n + 1 >= max) add.hidden = true
      } else if (del) {
        var rowEl = del.closest('.form-row')
        var container = rowEl && rowEl.parentElement
        if (!container || container.querySelectorAll(':scope > .form-row').length < 2) return
        ev.preventDefault()
        rowEl.remove()
        if (renumber(container) < 2) container.querySelectorAll('[data-del-row]').forEach(function (b) { b.hidden = true })
        var addBtn = form.querySelector('[data-add-row="' + container.getAttribute('data-rows') + '"]')
        if (addBtn) addBtn.hidden = false
        var firstInput = container.querySelector('input, select, textarea')
        if (firstInput) firstInput.focus()
      }
    })
  })
})()
