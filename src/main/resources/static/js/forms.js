// The summary at the top of a refused form (fragments/forms.html): the focus moves to it, so
// that a phone shows what to fix first; each link gets its field's label and focuses that
// field.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.getElementById('error-summary');
  if (!summary) {
    return;
  }
  summary.querySelectorAll('a[data-field]').forEach(function (link) {
    var field = fieldFor(link);
    if (!field) {
      return;
    }
    var label = labelOf(field);
    if (label) {
      var name = document.createElement('span');
      name.className = 'error-summary-field';
      name.textContent = label + ': ';
      link.insertBefore(name, link.firstChild);
    }
    link.addEventListener('click', function (event) {
      event.preventDefault();
      field.scrollIntoView({ block: 'center' });
      field.focus();
    });
  });
  summary.focus();

  function fieldFor(link) {
    var form = summary.closest('form') || document;
    var target = document.getElementById(link.getAttribute('href').substring(1));
    if (!target || target.type === 'hidden') {
      target = Array.prototype.find.call(form.querySelectorAll('input, select, textarea'), function (input) {
        return input.name === link.getAttribute('data-field') && input.type !== 'hidden';
      });
    }
    return target || null;
  }

  function labelOf(field) {
    var group = (field.type === 'radio' || field.type === 'checkbox') && field.closest('fieldset');
    var label = group ? group.querySelector('legend')
      : (field.id && document.querySelector('label[for="' + field.id + '"]'));
    return label ? label.textContent.trim().replace(/[:：]$/, '') : null;
  }
});

// Free text is never cut in the browser: a field with data-maxlength shows how many
// characters it holds and how many are left once it nears its limit, turns red past it,
// and the server refuses the form with a message rather than losing what was typed. The
// words come from the layout's script element, in the user's language.
var counterTexts = (document.currentScript && document.currentScript.dataset) || {};
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-maxlength]').forEach(function (field) {
    var max = parseInt(field.getAttribute('data-maxlength'), 10);
    if (!(max > 0)) {
      return;
    }
    var counter = document.createElement('div');
    counter.className = 'form-text char-counter';
    counter.setAttribute('aria-live', 'polite');
    counter.id = (field.id || field.name || 'field').replace(/[^A-Za-z0-9_-]/g, '-') + '-counter';
    field.insertAdjacentElement('afterend', counter);
    var described = field.getAttribute('aria-describedby');
    field.setAttribute('aria-describedby', (described ? described + ' ' : '') + counter.id);
    var marked = false;
    function update() {
      var length = Array.from(field.value).length;
      counter.hidden = length < max * 0.8;
      var left = max - length;
      var remaining = left >= 0 ? counterTexts.counterLeft : counterTexts.counterOver;
      counter.textContent = length + ' / ' + max
        + (remaining ? ' · ' + remaining.replace('{0}', String(Math.abs(left))) : '');
      counter.classList.toggle('text-danger', length > max);
      if (length > max) {
        field.classList.add('is-invalid');
        marked = true;
      } else if (marked) {
        field.classList.remove('is-invalid');
        marked = false;
      }
    }
    field.addEventListener('input', update);
    update();
  });
});

// Required fields (the shared form fragment lists them from the form's constraints) get an
// asterisk after their label and aria-required, so that nobody learns it only from an error.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('.required-note[data-required]').forEach(function (note) {
    var form = note.closest('form') || document;
    note.getAttribute('data-required').split(' ').forEach(function (name) {
      if (!name) {
        return;
      }
      var fields = Array.prototype.filter.call(form.querySelectorAll('input, select, textarea'), function (field) {
        return field.name === name && field.type !== 'hidden';
      });
      if (!fields.length) {
        return;
      }
      var group = (fields[0].type === 'radio' || fields[0].type === 'checkbox') && fields[0].closest('fieldset');
      var label = group ? group.querySelector('legend')
        : (fields[0].id && form.querySelector('label[for="' + fields[0].id + '"]'));
      if (label && !label.querySelector('.required-mark')) {
        var mark = document.createElement('span');
        mark.className = 'required-mark';
        mark.setAttribute('aria-hidden', 'true');
        mark.textContent = ' *';
        label.appendChild(mark);
      }
      fields.forEach(function (field) {
        if (field.type !== 'checkbox') {
          field.setAttribute('aria-required', 'true');
        }
      });
    });
  });
});
