/*
 * What the caring mother's phone keeps, and how: a small IndexedDB layer and Web Crypto.
 * Everything personal (her children's data, the contacts waiting to upload and their
 * photos) is encrypted with AES-GCM under a key derived (PBKDF2) from an offline PIN she
 * chooses. The derived key is not extractable; while she uses the app it is kept unlocked
 * for a few minutes, then the PIN is asked again.
 */
'use strict';

window.CmStore = (() => {
  const DB = 'caringmothers-offline';
  const ITERATIONS = 200000;
  const IDLE_MS = 10 * 60 * 1000;
  const MAX_TRIES = 5;
  let database = null;

  function request(r) {
    return new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  }

  function open() {
    if (database) {
      return Promise.resolve(database);
    }
    const opening = indexedDB.open(DB, 1);
    opening.onupgradeneeded = () => {
      const db = opening.result;
      db.createObjectStore('meta');
      db.createObjectStore('queue', { keyPath: 'id', autoIncrement: true });
    };
    return request(opening).then((db) => {
      db.onversionchange = () => { db.close(); database = null; };
      database = db;
      return db;
    });
  }

  async function tx(store, mode, work) {
    const db = await open();
    const transaction = db.transaction(store, mode);
    const result = work(transaction.objectStore(store));
    await new Promise((resolve, reject) => {
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
    return result instanceof IDBRequest ? result.result : result;
  }

  const meta = {
    get: (key) => tx('meta', 'readonly', (s) => s.get(key)),
    put: (key, value) => tx('meta', 'readwrite', (s) => s.put(value, key)),
    del: (key) => tx('meta', 'readwrite', (s) => s.delete(key)),
  };

  async function exists() {
    if (indexedDB.databases) {
      const names = await indexedDB.databases();
      return names.some((d) => d.name === DB);
    }
    return true;
  }

  // --- Web Crypto ---------------------------------------------------------------------

  async function derive(pin, salt) {
    const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false,
      ['deriveKey']);
    return crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: ITERATIONS, hash: 'SHA-256' }, material,
      { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  }

  async function encryptBytes(key, bytes) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, bytes);
    return { iv, data };
  }

  async function decryptBytes(key, box) {
    return crypto.subtle.decrypt({ name: 'AES-GCM', iv: box.iv }, key, box.data);
  }

  async function encrypt(key, value) {
    return encryptBytes(key, new TextEncoder().encode(JSON.stringify(value)));
  }

  async function decrypt(key, box) {
    return JSON.parse(new TextDecoder().decode(await decryptBytes(key, box)));
  }

  // --- The PIN and the unlocked key ----------------------------------------------------

  async function hasPin() {
    return (await exists()) && Boolean(await meta.get('pin'));
  }

  async function setPin(pin) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const key = await derive(pin, salt);
    await meta.put('pin', { salt, check: await encrypt(key, 'caringmothers'), failures: 0 });
    await keepUnlocked(key);
    return key;
  }

  /** The key for this PIN, or an object telling how many tries are left. */
  async function unlock(pin) {
    const record = await meta.get('pin');
    const key = await derive(pin, record.salt);
    try {
      await decrypt(key, record.check);
    }
    catch (wrong) {
      record.failures = (record.failures || 0) + 1;
      if (record.failures >= MAX_TRIES) {
        await wipe();
        return { wiped: true };
      }
      await meta.put('pin', record);
      return { triesLeft: MAX_TRIES - record.failures };
    }
    record.failures = 0;
    await meta.put('pin', record);
    await keepUnlocked(key);
    return { key };
  }

  async function keepUnlocked(key) {
    await meta.put('session', { key, until: Date.now() + IDLE_MS });
  }

  /** The unlocked key, while she has used the app in the last few minutes. */
  async function sessionKey() {
    if (!(await exists())) {
      return null;
    }
    const session = await meta.get('session');
    if (!session) {
      return null;
    }
    if (session.until < Date.now()) {
      await meta.del('session');
      return null;
    }
    return session.key;
  }

  async function touch() {
    const session = await meta.get('session');
    if (session && session.until >= Date.now()) {
      session.until = Date.now() + IDLE_MS;
      await meta.put('session', session);
    }
  }

  function lock() {
    return meta.del('session');
  }

  // --- Her children, as of the last sync -----------------------------------------------

  async function saveChildren(key, sync) {
    await meta.put('children', await encrypt(key, sync));
    await meta.put('owner', sync.owner);
    await meta.put('syncedAt', sync.syncedAt);
    await meta.put('lastSeen', Date.now());
  }

  async function children(key) {
    const box = await meta.get('children');
    return box ? decrypt(key, box) : null;
  }

  /** Removes the children's data when she has not signed in for that many days. */
  async function expire(days) {
    if (!(await exists())) {
      return false;
    }
    const lastSeen = await meta.get('lastSeen');
    if (lastSeen && Date.now() - lastSeen > days * 24 * 3600 * 1000) {
      await meta.del('children');
      await meta.del('syncedAt');
      await meta.del('session');
      return true;
    }
    return false;
  }

  // --- Calls to guardians made offline, whose record waits for the next upload ---------

  async function pendingCalls(key) {
    const box = await meta.get('calls');
    return box ? decrypt(key, box) : [];
  }

  async function setCalls(key, calls) {
    if (calls.length) {
      await meta.put('calls', await encrypt(key, calls));
    }
    else {
      await meta.del('calls');
    }
  }

  async function addCall(key, call) {
    const calls = await pendingCalls(key);
    calls.push(call);
    await setCalls(key, calls);
  }

  // --- The contacts waiting to upload --------------------------------------------------

  /**
   * Adds (or, with an id, replaces) an entry. The form's fields and photos are encrypted;
   * what stays readable is its state, the reason the server gave, and its token.
   */
  async function saveEntry(key, entry, fields, photos) {
    const boxedPhotos = [];
    for (const photo of photos) {
      boxedPhotos.push({ name: photo.name, type: photo.type, box: await encryptBytes(key, photo.bytes) });
    }
    const record = {
      kind: entry.kind,
      token: entry.token,
      visitId: entry.visitId || null,
      state: 'queued',
      reason: null,
      savedAt: Date.now(),
      fields: await encrypt(key, fields),
      photos: boxedPhotos,
    };
    if (entry.id) {
      record.id = entry.id;
      const old = await tx('queue', 'readonly', (s) => s.get(entry.id));
      if (old && !photos.length) {
        record.photos = old.photos;
      }
    }
    return tx('queue', 'readwrite', (s) => s.put(record));
  }

  async function readEntry(key, record) {
    const photos = [];
    for (const photo of record.photos || []) {
      photos.push({ name: photo.name, type: photo.type, bytes: await decryptBytes(key, photo.box) });
    }
    return { ...record, fields: await decrypt(key, record.fields), photos,
      server: record.server ? await decrypt(key, record.server) : null };
  }

  async function entries() {
    if (!(await exists())) {
      return [];
    }
    return tx('queue', 'readonly', (s) => s.getAll());
  }

  async function count() {
    if (!(await exists())) {
      return 0;
    }
    return tx('queue', 'readonly', (s) => s.count());
  }

  async function mark(id, state, reason, key, server) {
    const record = await tx('queue', 'readonly', (s) => s.get(id));
    if (!record) {
      return;
    }
    record.state = state;
    record.reason = reason;
    record.server = server ? await encrypt(key, server) : null;
    await tx('queue', 'readwrite', (s) => s.put(record));
  }

  async function setFields(key, id, fields) {
    const record = await tx('queue', 'readonly', (s) => s.get(id));
    record.fields = await encrypt(key, fields);
    record.state = 'queued';
    record.reason = null;
    record.server = null;
    await tx('queue', 'readwrite', (s) => s.put(record));
  }

  function remove(id) {
    return tx('queue', 'readwrite', (s) => s.delete(id));
  }

  /** Removes everything the phone keeps for her: the database, the cached shell. */
  async function wipe() {
    if (database) {
      database.close();
      database = null;
    }
    // blocked while another tab keeps it open: it goes when that tab lets go, and
    // signing out does not wait for it
    await Promise.race([request(indexedDB.deleteDatabase(DB)).catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (window.caches) {
      const names = await caches.keys();
      await Promise.all(names.map((name) => caches.delete(name)));
    }
  }

  return { hasPin, setPin, unlock, sessionKey, touch, lock, saveChildren, children, expire, saveEntry, readEntry,
    entries, count, mark, setFields, remove, wipe, meta, exists, pendingCalls, setCalls, addCall };
})();
