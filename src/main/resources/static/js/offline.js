/*
 * The caring mother's phone pages with and without a signal. On her pages it registers the
 * service worker, asks for the offline PIN at first use, keeps the encrypted copy of her
 * children up to date, shows how many contacts wait to upload ("待上传") and uploads them
 * when the connection returns. On the app shell (/my/offline) it draws her children from
 * that copy and lets her log contacts, which wait on the phone. Every word shown comes from
 * the page (#offline-i18n), in her language.
 */
'use strict';

(() => {
  const store = window.CmStore;
  const messages = document.getElementById('offline-i18n');
  if (!store || !messages || !window.indexedDB || !window.crypto || !crypto.subtle) {
    return;
  }
  const i18n = messages.dataset;
  const KEEP_DAYS = 14;
  const shell = document.getElementById('offline-app');
  const home = document.querySelector('#home[data-role="VOLUNTEER"]');
  const statusLine = document.getElementById('offline-status');
  const badge = document.getElementById('pending-badge');
  let key = null;
  let current = null;
  let busy = false;
  let again = false;
  let retry = null;
  let running = Promise.resolve();
  let leaving = false;
  let editing = null;

  const t = (name, ...args) => (i18n[name] || '').replace(/\{(\d)\}/g, (m, n) => (args[n] == null ? '' : args[n]));
  const byId = (id) => document.getElementById(id);

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text != null) {
      node.textContent = text;
    }
    return node;
  }

  function when(iso) {
    const d = new Date(iso);
    const two = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
  }

  function today() {
    const d = new Date();
    const two = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  }

  function setStatus(text, ready) {
    if (!statusLine) {
      return;
    }
    statusLine.hidden = !text;
    statusLine.textContent = text || '';
    statusLine.dataset.ready = ready ? 'true' : 'false';
  }

  const FRESH_MS = 5 * 60 * 1000;

  async function updateBadge() {
    if (!badge) {
      return;
    }
    const count = await store.count();
    badge.hidden = count === 0;
    badge.textContent = t('pending', count);
    badge.dataset.count = String(count);
  }

  // --- The service worker ---------------------------------------------------------------

  function register() {
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
    }
  }

  async function askWorker(message, patience = 10000) {
    if (!('serviceWorker' in navigator)) {
      return null;
    }
    // ready never settles when no worker is registered: wait for it no longer than for the answer
    const registration = await Promise.race([navigator.serviceWorker.ready,
      new Promise((resolve) => setTimeout(() => resolve(null), patience))]);
    if (!registration || !registration.active) {
      return null;
    }
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data);
      registration.active.postMessage(message, [channel.port2]);
      setTimeout(() => resolve(null), patience);
    });
  }

  /** The promise's value, or undefined when it takes longer than ms. */
  function within(promise, ms) {
    return Promise.race([promise.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, ms))]);
  }

  async function unregister() {
    if ('serviceWorker' in navigator) {
      // The page empties the caches itself as well: the worker is only told to stop filling
      // them, and signing out does not wait long for a busy worker.
      await askWorker('wipe', 2000).catch(() => undefined);
      // The browser queues unregistering behind any update of the worker still pending:
      // signing out does not wait for that (the registration goes soon after).
      const registrations = (await within(navigator.serviceWorker.getRegistrations(), 2000)) || [];
      await within(Promise.all(registrations.map((registration) => registration.unregister())), 3000);
    }
  }

  // --- Talking to the server ------------------------------------------------------------

  async function fetchSync() {
    let response;
    try {
      response = await fetch('/my/sync', { credentials: 'same-origin', cache: 'no-store', redirect: 'manual',
        headers: { Accept: 'application/json' } });
    }
    catch (offline) {
      return { offline: true };
    }
    if (response.status === 403 && response.headers.get('X-Offline-Wipe')) {
      return { wipe: true };
    }
    if (response.status !== 200 || !(response.headers.get('Content-Type') || '').includes('json')) {
      return { signIn: true };
    }
    return { data: await response.json() };
  }

  async function uploadAll(sync) {
    let done = 0;
    let stopped = null;
    const run = async () => {
      for (const record of await store.entries()) {
        if (record.state !== 'queued') {
          continue;
        }
        const entry = await store.readEntry(key, record);
        const body = new FormData();
        for (const [name, value] of entry.fields.pairs) {
          body.append(name, value);
        }
        body.append('clientToken', entry.token);
        for (const photo of entry.photos) {
          body.append('photos', new Blob([photo.bytes], { type: photo.type }), photo.name);
        }
        const url = entry.kind === 'edit' ? `/my/uploads/${entry.visitId}` : '/my/uploads';
        let response;
        try {
          response = await fetch(url, { method: 'POST', body, credentials: 'same-origin', redirect: 'manual',
            headers: { [sync.csrfHeader]: sync.csrfToken, Accept: 'application/json' } });
        }
        catch (offline) {
          stopped = 'offline';
          break;
        }
        if (response.status === 200) {
          await store.remove(record.id);
          done++;
        }
        else if (response.status === 422) {
          await store.mark(record.id, 'refused', (await response.json()).reason, key);
        }
        else if (response.status === 409) {
          const answer = await response.json();
          await store.mark(record.id, 'conflict', answer.reason, key, answer.server);
        }
        else {
          stopped = 'signIn';
          break;
        }
      }
    };
    if (navigator.locks) {
      await navigator.locks.request('caringmothers-upload', run);
    }
    else {
      await run();
    }
    return { done, stopped };
  }

  /**
   * Checks in with the server, uploads what waits, and refreshes the copy of her children.
   * A call while a sync runs (the network coming back while the last one was still finding
   * it gone) asks for one more round after it, so that the news is not lost.
   */
  function syncAndUpload() {
    if (!key || leaving) {
      return running;
    }
    if (busy) {
      again = true;
      return running;
    }
    running = syncRounds();
    return running;
  }

  async function syncRounds() {
    do {
      again = false;
      await syncOnce();
    } while (again && !leaving);
  }

  async function syncOnce() {
    busy = true;
    try {
      setStatus(t('syncing'));
      let answer = await fetchSync();
      if (answer.offline) {
        showOffline();
        return;
      }
      if (answer.wipe) {
        await wiped();
        return;
      }
      if (answer.signIn) {
        showSignIn();
        return;
      }
      const owner = await store.meta.get('owner');
      if (owner != null && owner !== answer.data.owner) {
        await wiped();
        return;
      }
      const upload = await uploadAll(answer.data);
      const calls = await uploadCalls(answer.data);
      if (calls === 'signIn' && !upload.stopped) {
        upload.stopped = 'signIn';
      }
      if (upload.done > 0) {
        const fresh = await fetchSync();
        if (fresh.data) {
          answer = fresh;
        }
      }
      if (leaving) {
        // signing out meanwhile: nothing more is written to the phone
        return;
      }
      await store.saveChildren(key, answer.data);
      current = answer.data;
      const cached = await askWorker('cache-shell').catch(() => null);
      renderChildren();
      let text = t('ready', when(current.syncedAt));
      if (upload.done > 0) {
        text += ' ' + t('uploaded', upload.done);
      }
      setStatus(text, cached !== false);
      if (upload.stopped === 'signIn') {
        showSignIn();
      }
    }
    finally {
      busy = false;
      if (!leaving) {
        await updateBadge();
        await renderQueue();
      }
    }
  }

  /**
   * While the page believes it has no signal it looks again every 15 seconds, so that the
   * queued entries go out even when the browser's "online" news never arrives (a weak
   * signal that comes and goes, or news that came while a sync was still finding it gone).
   */
  function retryLater() {
    clearTimeout(retry);
    retry = setTimeout(() => {
      retry = null;
      if (!key || leaving) {
        return;
      }
      if (navigator.onLine) {
        syncAndUpload();
      }
      else {
        retryLater();
      }
    }, 15000);
  }

  function showOffline() {
    retryLater();
    if (current) {
      setStatus(t('offlineNow', when(current.syncedAt)), true);
    }
    else {
      setStatus(t('offlineNow', ''));
    }
  }

  function showSignIn() {
    setStatus(t('signInToUpload'));
    const link = byId('offline-sign-in');
    if (link) {
      link.hidden = false;
    }
  }

  async function wiped() {
    key = null;
    current = null;
    await store.wipe();
    await unregister().catch(() => undefined);
    renderChildren();
    await renderQueue();
    setStatus(t('wiped'));
  }

  // --- The PIN --------------------------------------------------------------------------

  function showPin(which) {
    const setup = byId('pin-setup');
    const unlock = byId('pin-unlock');
    if (setup) {
      setup.hidden = which !== 'setup';
    }
    if (unlock) {
      unlock.hidden = which !== 'unlock';
    }
  }

  function pinProblem(form, text) {
    form.querySelector('.pin-error').textContent = text || '';
  }

  const validPin = (pin) => /^[0-9]{4,6}$/.test(pin);

  function wirePin() {
    const setupForm = byId('pin-setup-form');
    const unlockForm = byId('pin-unlock-form');
    if (setupForm) {
      setupForm.addEventListener('submit', async (event) => {
        event.preventDefault();
        const pin = byId('pin-new').value;
        if (!validPin(pin)) {
          pinProblem(setupForm, t('pinShort'));
          return;
        }
        if (pin !== byId('pin-confirm').value) {
          pinProblem(setupForm, t('pinMismatch'));
          return;
        }
        pinProblem(setupForm, '');
        key = await store.setPin(pin);
        setupForm.reset();
        showPin(null);
        await unlocked();
      });
    }
    if (unlockForm) {
      unlockForm.addEventListener('submit', async (event) => {
        event.preventDefault();
        const pin = byId('pin-entry').value;
        if (!validPin(pin)) {
          pinProblem(unlockForm, t('pinShort'));
          return;
        }
        const result = await store.unlock(pin);
        unlockForm.reset();
        if (result.wiped) {
          showPin(null);
          await wiped();
          return;
        }
        if (!result.key) {
          pinProblem(unlockForm, t('pinWrong', result.triesLeft));
          return;
        }
        pinProblem(unlockForm, '');
        key = result.key;
        showPin(null);
        await unlocked();
      });
    }
  }

  async function unlocked() {
    if (shell) {
      current = await store.children(key);
      renderChildren();
      await renderQueue();
      if (navigator.onLine) {
        await syncAndUpload();
      }
      else {
        showOffline();
      }
    }
    else if ((await store.count()) > 0 || (await store.pendingCalls(key)).length > 0 || await stale()) {
      await syncAndUpload();
    }
    else {
      await updateBadge();
    }
  }

  /**
   * Whether the copy of her children is older than a few minutes: other pages check in
   * only then (or when something waits to upload), so that moving between pages on a
   * weak signal does not fetch it again each time.
   */
  async function stale() {
    const lastSeen = await store.meta.get('lastSeen');
    return !lastSeen || Date.now() - lastSeen > FRESH_MS;
  }

  async function lockedNow() {
    key = null;
    current = null;
    renderChildren();
    await renderQueue();
    if (shell || home) {
      showPin('unlock');
    }
  }

  /**
   * 拨打 with or without a signal: the number kept on the phone is shown with a link that
   * dials it (a call needs no data), and the record that she revealed it waits for the next
   * upload, where the server logs it as her access with the phone's time.
   */
  async function callGuardian(child, index, guardian, phone, button) {
    if (!key) {
      return;
    }
    await store.addCall(key, { pairing: child.pairing, index, calledAt: new Date().toISOString() });
    phone.textContent = guardian.number;
    const dial = element('a', 'btn btn-success btn-sm mb-2 offline-dial', t('call') + ' ' + guardian.number);
    dial.href = 'tel:' + guardian.number;
    button.replaceWith(dial);
    dial.focus();
    if (navigator.onLine) {
      syncAndUpload();
    }
  }

  /** Sends the records of calls made on the phone; each is logged once by the server. */
  async function uploadCalls(sync) {
    const left = [];
    let stopped = null;
    for (const call of await store.pendingCalls(key)) {
      if (stopped) {
        left.push(call);
        continue;
      }
      let response;
      try {
        response = await fetch(`/my/pairings/${call.pairing}/guardians/${call.index}/call`, {
          method: 'POST', body: new URLSearchParams({ calledAt: call.calledAt }), credentials: 'same-origin',
          redirect: 'manual', headers: { [sync.csrfHeader]: sync.csrfToken, Accept: 'application/json' } });
      }
      catch (offline) {
        stopped = 'offline';
        left.push(call);
        continue;
      }
      // 404: the pairing ended meanwhile; there is no record of hers left to log it against
      if (response.status !== 200 && response.status !== 404) {
        stopped = 'signIn';
        left.push(call);
      }
    }
    await store.setCalls(key, left);
    return stopped;
  }

  // --- Her children, drawn from the copy on the phone -----------------------------------

  function renderChildren() {
    const list = byId('offline-children');
    if (!list) {
      return;
    }
    list.replaceChildren();
    if (!current) {
      return;
    }
    for (const child of current.children) {
      const card = element('div', 'child-card card mb-3' + (child.overdue ? ' border-danger overdue' : ''));
      card.dataset.pairing = String(child.pairing);
      const body = element('div', 'card-body');
      const top = element('div', 'd-flex justify-content-between align-items-start gap-2');
      top.append(element('h2', 'h5 card-title mb-1', child.name));
      if (child.overdue) {
        top.append(element('span', 'badge text-bg-danger overdue-mark', (child.daysOverdue === 1 ? t('overdueOne') : t('overdue', child.daysOverdue))));
      }
      body.append(top, element('p', 'mb-1', t('childLine', child.age, child.village)));
      if (child.school) {
        body.append(element('p', 'mb-1 small text-muted', t('school', child.school, child.grade || '')));
      }
      child.guardians.forEach((guardian, index) => {
        const line = element('p', 'mb-1 small text-muted', t('guardian', guardian.name, guardian.relation,
          guardian.phone));
        const phone = element('span', 'guardian-phone font-monospace ms-1', guardian.phone);
        line.append(phone);
        body.append(line);
        if (guardian.number) {
          const call = element('button', 'btn btn-success btn-sm mb-2 offline-call', t('call'));
          call.type = 'button';
          call.setAttribute('aria-label', t('callWho', guardian.name));
          call.addEventListener('click', () => callGuardian(child, index, guardian, phone, call));
          body.append(call);
        }
      });
      if (child.health) {
        body.append(element('p', 'mb-1 small', t('health', child.health)));
      }
      body.append(element('p', 'mb-1 small last-contact', child.lastContact
        ? (child.daysSinceContact === 0 ? t('lastContactToday', child.lastContact)
          : child.daysSinceContact === 1 ? t('lastContactOne', child.lastContact)
            : t('lastContact', child.lastContact, child.daysSinceContact)) : t('noContact')));
      body.append(element('p', 'mb-2 small', t('nextDue', child.nextDue)));
      if (child.homeVisitDue) {
        body.append(element('p', 'mb-2 small text-danger', t('homeVisitDue')));
      }
      if (child.recent && child.recent.length) {
        body.append(element('h3', 'h6 mt-2', t('recentHeading')));
        const recent = element('ul', 'list-group mb-2 recent-entries');
        for (const visit of child.recent) {
          const item = element('li', 'list-group-item d-flex justify-content-between align-items-center gap-2');
          item.append(element('span', 'small', summary(visit)));
          const edit = element('button', 'btn btn-sm btn-outline-secondary edit-entry', t('edit'));
          edit.type = 'button';
          edit.dataset.visit = String(visit.id);
          edit.addEventListener('click', () => openForm(child, { visit }));
          item.append(edit);
          recent.append(item);
        }
        body.append(recent);
      }
      const log = element('button', 'btn btn-primary btn-lg w-100 log-visit', t('log'));
      log.type = 'button';
      log.addEventListener('click', () => openForm(child, {}));
      body.append(log);
      card.append(body);
      list.append(card);
    }
  }

  function label(selector) {
    const input = document.querySelector(selector);
    return input ? input.dataset.label : '';
  }

  /** "2026-05-02, 60 minutes, 情感抚慰 课业辅导" for a contact, as the server or the form has it. */
  function summary(visit) {
    const care = (visit.careTypes || []).map((c) => label(`#ov-care-${c}`)).join(' ');
    return t('entrySummary', `${visit.visitDate} ${label(`#ov-mode-${visit.mode}`)}`, visit.durationMinutes, care)
      + (visit.notes ? ` · ${visit.notes}` : '');
  }

  function fieldsSummary(fields) {
    const get = (name) => (fields.pairs.find((p) => p[0] === name) || [])[1];
    return summary({ visitDate: get('visitDate'), mode: get('mode'), durationMinutes: get('durationMinutes'),
      careTypes: fields.pairs.filter((p) => p[0] === 'careTypes').map((p) => p[1]), notes: get('notes') });
  }

  // --- The contact form -------------------------------------------------------------------

  function openForm(child, what) {
    const section = byId('offline-form-section');
    const form = byId('offline-visit-form');
    form.reset();
    form.querySelector('.form-problem').hidden = true;
    editing = { child, visit: what.visit || null, entry: what.entry || null };
    const isEdit = Boolean(what.visit) || (what.entry && what.entry.kind === 'edit');
    for (const part of form.querySelectorAll('.new-only')) {
      part.hidden = isEdit;
    }
    byId('offline-form-heading').textContent = t(isEdit ? 'formEditHeading' : 'formHeading', child.name);
    byId('ov-visitDate').value = today();
    byId('ov-visitDate').max = today();
    byId('ov-visitDate').min = child.startDate || '';
    if (what.visit) {
      fill(form, visitPairs(what.visit));
    }
    else if (what.entry) {
      fill(form, what.entry.fields.pairs);
    }
    section.hidden = false;
    byId('offline-form-heading').focus();
  }

  function visitPairs(visit) {
    const pairs = [['visitDate', visit.visitDate], ['mode', visit.mode], ['durationMinutes', visit.durationMinutes],
      ['childMood', visit.childMood], ['notes', visit.notes || '']];
    for (const care of visit.careTypes) {
      pairs.push(['careTypes', care]);
    }
    visit.gifts.forEach((gift, i) => {
      pairs.push([`gifts[${i}].item`, gift.item || ''], [`gifts[${i}].value`, gift.value == null ? '' : gift.value]);
    });
    return pairs;
  }

  function fill(form, pairs) {
    for (const input of form.querySelectorAll('input[type=checkbox]')) {
      input.checked = false;
    }
    for (const [name, value] of pairs) {
      for (const input of form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
        if (input.type === 'radio' || input.type === 'checkbox') {
          if (input.value === String(value)) {
            input.checked = true;
          }
        }
        else if (input.type !== 'file') {
          input.value = value;
        }
      }
    }
  }

  function closeForm() {
    byId('offline-form-section').hidden = true;
    editing = null;
  }

  async function saveForm(event) {
    event.preventDefault();
    const form = byId('offline-visit-form');
    const problem = form.querySelector('.form-problem');
    const missing = [];
    for (const [selector, legend] of [['#ov-visitDate', 'ov-visitDate'], ['#ov-durationMinutes', 'ov-durationMinutes']]) {
      if (!document.querySelector(selector).checkValidity()) {
        missing.push(document.querySelector(`label[for="${legend}"]`).textContent);
      }
    }
    if (!form.querySelector('input[name=careTypes]:checked')) {
      missing.push(form.querySelector('input[name=careTypes]').closest('fieldset').querySelector('legend').textContent);
    }
    if (missing.length) {
      problem.textContent = t('formMissing', missing.join('、'));
      problem.hidden = false;
      problem.focus();
      return;
    }
    const { child, visit, entry } = editing;
    const pairs = [];
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string') {
        pairs.push([name, value]);
      }
    }
    const isEdit = Boolean(visit) || (entry && entry.kind === 'edit');
    if (isEdit) {
      const version = visit ? visit.version : entry.fields.pairs.find((p) => p[0] === 'version')[1];
      pairs.push(['version', String(version)]);
    }
    else {
      pairs.push(['pairingId', String(child.pairing)]);
    }
    const photos = [];
    if (!isEdit) {
      for (const file of byId('ov-photos').files) {
        photos.push({ name: file.name, type: file.type, bytes: await file.arrayBuffer() });
      }
    }
    const fields = { pairingId: child.pairing, childName: child.name, pairs };
    if (entry) {
      await store.saveEntry(key, { id: entry.id, kind: entry.kind, token: entry.token, visitId: entry.visitId },
        fields, photos);
    }
    else {
      await store.saveEntry(key, { kind: isEdit ? 'edit' : 'new',
        token: isEdit ? visit.clientToken : crypto.randomUUID(), visitId: isEdit ? visit.id : null }, fields, photos);
    }
    closeForm();
    setStatus(t('saved'), true);
    await updateBadge();
    await renderQueue();
    if (navigator.onLine) {
      syncAndUpload();
    }
  }

  // --- The entries waiting to upload ------------------------------------------------------

  async function renderQueue() {
    const list = byId('queue-list');
    if (!list) {
      return;
    }
    list.replaceChildren();
    const records = await store.entries();
    if (!records.length) {
      list.append(element('li', 'list-group-item text-muted small', t('queueEmpty')));
      return;
    }
    if (!key) {
      list.append(element('li', 'list-group-item small', t('pending', records.length)));
      return;
    }
    for (const record of records) {
      const entry = await store.readEntry(key, record);
      const get = (name) => (entry.fields.pairs.find((p) => p[0] === name) || [])[1];
      const item = element('li', 'list-group-item queued-entry');
      item.dataset.state = entry.state;
      item.dataset.pairing = String(entry.fields.pairingId);
      item.append(element('div', 'fw-semibold', t('queueLine', entry.fields.childName, get('visitDate'),
        label(`#ov-mode-${get('mode')}`)) + (entry.kind === 'edit' ? ' ' + t('queueEdit') : '')));
      if (entry.photos.length) {
        item.append(element('div', 'small text-muted', t('photos', entry.photos.length)));
      }
      const state = entry.state === 'queued' ? t('stateQueued')
        : t(entry.state === 'refused' ? 'stateRefused' : 'stateConflict', entry.reason);
      item.append(element('div', 'small entry-state' + (entry.state === 'queued' ? '' : ' text-danger'), state));
      const actions = element('div', 'd-flex flex-wrap gap-2 mt-2');
      if (entry.state === 'conflict' && entry.server) {
        const mine = element('div', 'small conflict-mine');
        mine.append(element('strong', null, t('conflictMine') + ': '), fieldsSummary(entry.fields));
        const theirs = element('div', 'small conflict-server');
        theirs.append(element('strong', null, t('conflictServer') + ': '), summary(entry.server));
        item.append(mine, theirs);
        actions.append(button(t('keepMine'), 'btn-primary keep-mine', async () => {
          const pairs = entry.fields.pairs.filter((p) => p[0] !== 'version');
          pairs.push(['version', String(entry.server.version)]);
          await store.setFields(key, entry.id, { ...entry.fields, pairs });
          await renderQueue();
          syncAndUpload();
        }));
        actions.append(button(t('keepServer'), 'btn-outline-secondary keep-server', () => discard(entry.id)));
      }
      else {
        if (entry.state === 'refused' && current) {
          const child = current.children.find((c) => c.pairing === entry.fields.pairingId);
          if (child) {
            actions.append(button(t('fix'), 'btn-outline-primary fix-entry', () => openForm(child, { entry })));
          }
        }
        actions.append(button(t('discard'), 'btn-outline-danger discard-entry', () => discard(entry.id)));
      }
      item.append(actions);
      list.append(item);
    }
  }

  function button(text, className, onClick) {
    const node = element('button', `btn btn-sm ${className}`, text);
    node.type = 'button';
    node.addEventListener('click', onClick);
    return node;
  }

  async function discard(id) {
    await store.remove(id);
    await updateBadge();
    await renderQueue();
  }

  // --- Signing out ----------------------------------------------------------------------

  async function signOut() {
    // A sync still running would write the phone's copy again after it is wiped: let it
    // finish (or give up on it) first.
    leaving = true;
    await Promise.race([running.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5000))]);
    await unregister().catch(() => undefined);
    await store.wipe();
    const form = document.querySelector('form[action$="/logout"]');
    if (form) {
      form.submit();
      return;
    }
    const answer = await fetchSync();
    if (answer.data) {
      const post = document.createElement('form');
      post.method = 'post';
      post.action = '/logout';
      const token = document.createElement('input');
      token.type = 'hidden';
      token.name = '_csrf';
      token.value = answer.data.csrfToken;
      post.append(token);
      document.body.append(post);
      post.submit();
    }
    else {
      window.location.assign('/login');
    }
  }

  function wireLogout() {
    const logout = byId('logout');
    const dialog = byId('logout-dialog');
    if (!logout || !dialog) {
      return;
    }
    const text = byId('logout-dialog-text');
    logout.addEventListener('click', async (event) => {
      event.preventDefault();
      const count = await store.count();
      if (count === 0) {
        await signOut();
        return;
      }
      text.textContent = t('logoutQueued', count);
      byId('logout-upload').hidden = false;
      dialog.showModal();
    });
    byId('logout-upload').addEventListener('click', async () => {
      if (!navigator.onLine || !key) {
        text.textContent = t('logoutQueued', await store.count()) + ' ' + t(navigator.onLine ? 'pinShort' : 'logoutOffline');
        if (!key) {
          dialog.close();
          showPin('unlock');
        }
        return;
      }
      await syncAndUpload();
      const left = await store.count();
      if (left === 0) {
        dialog.close();
        await signOut();
      }
      else {
        text.textContent = t('logoutQueued', left);
      }
    });
    byId('logout-discard').addEventListener('click', async () => {
      dialog.close();
      await signOut();
    });
    byId('logout-cancel').addEventListener('click', () => dialog.close());
  }

  // --- Start ----------------------------------------------------------------------------

  let lastTouch = 0;
  function activity() {
    if (key && Date.now() - lastTouch > 15000) {
      lastTouch = Date.now();
      store.touch();
    }
  }

  async function start() {
    register();
    wirePin();
    wireLogout();
    document.addEventListener('pointerdown', activity);
    document.addEventListener('keydown', activity);
    if (shell) {
      byId('offline-visit-form').addEventListener('submit', saveForm);
      byId('offline-cancel').addEventListener('click', closeForm);
      byId('upload-now').addEventListener('click', () => syncAndUpload());
    }
    window.addEventListener('online', () => syncAndUpload());
    window.addEventListener('offline', showOffline);
    setInterval(async () => {
      if (key && !(await store.sessionKey())) {
        await lockedNow();
      }
    }, 30000);
    if (await store.expire(KEEP_DAYS)) {
      setStatus(t('expired', KEEP_DAYS));
    }
    await updateBadge();
    if (!(await store.hasPin())) {
      if (home) {
        showPin('setup');
      }
      else if (shell) {
        setStatus(t('neverSynced'));
        await renderQueue();
      }
      return;
    }
    key = await store.sessionKey();
    if (!key) {
      await lockedNow();
      if (!shell && !home && (await store.count()) > 0) {
        showPin('unlock');
      }
      return;
    }
    await unlocked();
    if (shell && !navigator.onLine) {
      showOffline();
    }
  }

  start();
})();
