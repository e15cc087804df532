// "拨打" on a child's card: ask for the guardian's number (the server records the reveal),
// show it in place of the masked one and open the phone's dialler. Without script, or when
// the request fails, the form is sent as it is and the server shows a page to call from.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.matches || !form.matches('form[data-call]')) {
    return;
  }
  event.preventDefault();
  var button = form.querySelector('button');
  button.disabled = true;
  var body = new URLSearchParams(new FormData(form));
  body.set('calledAt', new Date().toISOString());
  fetch(form.action, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Accept': 'application/json' },
    body: body
  }).then(function (response) {
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    return response.json();
  }).then(function (call) {
    var phone = document.getElementById(form.getAttribute('data-phone'));
    if (phone) {
      phone.textContent = call.number;
      phone.classList.add('revealed-number');
    }
    var link = document.createElement('a');
    link.href = call.href;
    link.className = button.className;
    link.textContent = button.textContent;
    link.setAttribute('aria-label', button.getAttribute('aria-label'));
    form.replaceWith(link);
    window.location.href = call.href;
  }).catch(function () {
    button.disabled = false;
    form.submit();
  });
});
