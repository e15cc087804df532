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
