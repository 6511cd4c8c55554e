// Everything the pages do in the browser. The pages work without it; this adds the shortcuts,
// the call timer, the copy button, partial updates and the sign-out warning.
import { initAll } from '/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

const csrf = document.querySelector('meta[name="csrf-token"]')?.content;
document.body.addEventListener('htmx:configRequest', (e) => {
  if (csrf) e.detail.headers['X-CSRF-Token'] = csrf;
});

// 1 to 9 choose an option, a letter ticks a box (O for "still open"), Enter continues: a practised
// handler never needs the mouse. Digits on a date question always go into the date, starting at Day.
const shortcutForm = document.querySelector('form[data-shortcuts]');
if (shortcutForm) {
  const dateParts = [...shortcutForm.querySelectorAll('[data-date-part]')];
  const maxLength = { day: 2, month: 2, year: 4 };
  const isDatePart = (t) => dateParts.includes(t);
  // A full Day or Month passes the next digit on, so 15062024 typed straight through is 15 6 2024.
  for (const [i, part] of dateParts.entries()) {
    part.addEventListener('keydown', (e) => {
      if (!/^[0-9]$/.test(e.key) || e.ctrlKey || e.metaKey || e.altKey) return;
      const full = part.value.length >= maxLength[part.dataset.datePart];
      const atEnd = part.selectionStart === part.value.length && part.selectionEnd === part.value.length;
      const next = dateParts[i + 1];
      if (full && atEnd && next && next.value === '') {
        e.preventDefault();
        next.focus();
        next.value = e.key;
      }
    });
  }
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    const t = e.target;
    const typing = Boolean(t.matches?.('input:not([type=radio]):not([type=checkbox]), textarea, select'));
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (dateParts.length && /^[0-9]$/.test(key) && !typing) {
      e.preventDefault();
      const target = dateParts.find((p) => p.value === '') ?? dateParts[0];
      target.focus();
      target.value += key;
    } else if (/^[1-9]$/.test(key) && !typing) {
      const input = shortcutForm.querySelector(`input[data-key="${key}"]`);
      if (!input) return;
      e.preventDefault();
      input.checked = input.type === 'checkbox' ? !input.checked : true;
      input.focus();
    } else if (/^[a-z]$/.test(key) && (!typing || isDatePart(t))) {
      const input = shortcutForm.querySelector(`input[type=checkbox][data-key="${key}"]`);
      if (!input) return;
      e.preventDefault();
      input.checked = !input.checked;
      input.focus();
    } else if (e.key === 'Enter' && !t.matches?.('textarea, button, a, summary') && !(t.form && t.form !== shortcutForm)) {
      e.preventDefault();
      shortcutForm.requestSubmit();
    }
  });
  // Focus the first date field (the browser's autofocus may lose to the error summary, which is right).
  const day = dateParts[0];
  if (day && day.hasAttribute('autofocus') && document.activeElement !== day) day.focus();
}

// A form swapped in place with a problem (an empty note, say) shows the GOV.UK error summary: focus moves
// to it, as it does when a whole page comes back with one.
document.body.addEventListener('htmx:afterSwap', (e) => {
  const summary = e.detail.target?.querySelector?.('.govuk-error-summary') ?? document.querySelector(`#${e.detail.target?.id} .govuk-error-summary`);
  if (!summary) return;
  summary.setAttribute('tabindex', '-1');
  summary.focus();
});

// The call timer counts on from the time the server rendered.
for (const el of document.querySelectorAll('[data-call-timer]')) {
  const started = Date.parse(el.dataset.callTimer);
  const tick = () => {
    const s = Math.max(0, Math.floor((Date.now() - started) / 1000));
    const mmss = `${Math.floor(s % 3600 / 60)}:${String(s % 60).padStart(2, '0')}`;
    el.textContent = s >= 3600 ? `${Math.floor(s / 3600)}:${mmss.padStart(5, '0')}` : mmss;
  };
  if (!Number.isNaN(started)) setInterval(tick, 1000);
}

// Copy the case note; the readonly text area stays there to select by hand without JavaScript.
for (const button of document.querySelectorAll('[data-copy-target]')) {
  const area = document.getElementById(button.dataset.copyTarget);
  const status = document.getElementById(button.dataset.copyStatus);
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(area.value);
    } catch {
      area.select();
      document.execCommand('copy');
    }
    status.textContent = 'Case note copied';
  });
}

// The GOV.UK timeout warning: two minutes before an idle sign-in ends, offer to stay signed in.
const idle = Number(document.body.dataset.idleSeconds || 0);
const dialog = document.getElementById('timeout-warning');
if (idle > 0 && dialog) {
  const warnBefore = Math.min(120, Math.floor(idle / 2));
  const stay = document.getElementById('timeout-stay');
  const countdown = document.getElementById('timeout-countdown');
  const signOut = document.getElementById('timeout-sign-out');
  let timers = [];
  const say = (left) => {
    countdown.textContent = left >= 60 ? `${Math.ceil(left / 60)} minute${left > 60 ? 's' : ''}` : `${left} seconds`;
  };
  const schedule = () => {
    timers.forEach(clearTimeout);
    timers.forEach(clearInterval);
    timers = [
      setTimeout(() => {
        let left = warnBefore;
        say(left);
        timers.push(setInterval(() => say(Math.max(0, --left)), 1000));
        dialog.showModal();
        stay.focus();
      }, (idle - warnBefore) * 1000),
      setTimeout(() => signOut.requestSubmit(), idle * 1000),
    ];
  };
  stay.addEventListener('click', async () => {
    const r = await fetch('/keep-alive', { method: 'POST', headers: { 'X-CSRF-Token': csrf }, credentials: 'same-origin' });
    if (!r.ok) { signOut.requestSubmit(); return; }
    dialog.close();
    schedule();
  });
  dialog.addEventListener('cancel', (e) => { e.preventDefault(); stay.click(); });
  schedule();
}

// The live transcript: the server rendered the lines so far; new ones arrive as server-sent events and
// are placed by their sequence, so a late line lands where it was said and a repeated one is ignored.
// A stream the service ends (a slow screen, a restart) is opened again after a pause, asking only for what
// came after the last line this page saw; a refused one (too many streams, 429/503) is retried more slowly.
const followStream = (url, lastSeen, onLine) => {
  let source;
  let pause = 1000;
  const open = () => {
    const after = lastSeen();
    source = new EventSource(after >= 0 ? `${url}${url.includes('?') ? '&' : '?'}after=${after}` : url);
    source.addEventListener('open', () => { pause = 1000; });
    source.addEventListener('line', onLine);
    // A warm transfer's step, heard from whichever node Twilio told: the transfer panel checks at once.
    source.addEventListener('transfer', () => document.dispatchEvent(new Event('callguide:transfer')));
    source.addEventListener('error', () => {
      if (source.readyState !== EventSource.CLOSED) return;
      setTimeout(open, pause);
      pause = Math.min(pause * 2, 30000);
    });
  };
  open();
  window.addEventListener('pagehide', () => source.close());
};

// It opens on the newest line and follows new ones, unless the handler has scrolled up to read: then
// "New lines" appears and takes them back to the bottom.
for (const list of document.querySelectorAll('[data-transcript-stream]')) {
  const empty = document.getElementById('transcript-empty');
  const scroller = list.parentElement;
  const newLines = document.getElementById('transcript-new');
  const atBottom = () => scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 4;
  const toBottom = () => { scroller.scrollTop = scroller.scrollHeight; };
  let pinned = true;
  toBottom();
  window.addEventListener('load', () => { if (pinned) toBottom(); });
  scroller.addEventListener('scroll', () => {
    pinned = atBottom();
    if (pinned && newLines) newLines.hidden = true;
  });
  newLines?.addEventListener('click', () => {
    pinned = true;
    toBottom();
    newLines.hidden = true;
    scroller.focus();
  });
  const lastSeen = () => Math.max(-1, ...[...list.children].map((li) => Number(li.dataset.sequence)).filter(Number.isFinite));
  followStream(list.dataset.transcriptStream, lastSeen, (e) => {
    const line = JSON.parse(e.data);
    if (list.querySelector(`[data-sequence="${line.sequence}"]`)) return;
    const item = document.createElement('li');
    item.className = `callguide-transcript__line callguide-transcript__line--${line.speaker === 'handler' ? 'handler' : 'caller'}`;
    item.dataset.sequence = line.sequence;
    const who = document.createElement('strong');
    who.className = 'callguide-transcript__speaker';
    who.textContent = line.speaker === 'handler' ? 'You:' : 'Caller:';
    item.append(who, ` ${line.text}`);
    const follow = pinned || atBottom();
    const later = [...list.children].find((li) => Number(li.dataset.sequence) > line.sequence);
    list.insertBefore(item, later ?? null);
    if (empty) empty.hidden = true;
    if (follow) {
      pinned = true;
      toBottom();
      requestAnimationFrame(toBottom);
    } else if (newLines) newLines.hidden = false;
  });
}

// Waiting phone calls, live: the server says when the calls waiting change, and the list is fetched again.
// Each call's waiting time counts on from what the server rendered.
const tickWaits = (root) => {
  const loaded = Date.now();
  for (const el of root.querySelectorAll('[data-waited]')) {
    const from = Number(el.dataset.waited);
    el.dataset.ticking = 'on';
    const tick = () => {
      const s = from + Math.floor((Date.now() - loaded) / 1000);
      el.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    };
    tick();
    el.timer = setInterval(tick, 1000);
  }
};
const waitingSection = document.querySelector('[data-waiting-stream]');
if (waitingSection) {
  let section = waitingSection;
  tickWaits(section);
  const stream = new EventSource(section.dataset.waitingStream);
  stream.addEventListener('waiting', async (e) => {
    const ids = e.data === 'none' ? '' : e.data;
    if (ids === section.dataset.waitingIds) return;
    const r = await fetch('/', { credentials: 'same-origin' }).catch(() => null);
    if (!r || !r.ok) return;
    const next = new DOMParser().parseFromString(await r.text(), 'text/html').getElementById('waiting');
    if (!next) return;
    for (const el of section.querySelectorAll('[data-waited]')) clearInterval(el.timer);
    section.replaceWith(next);
    section = next;
    tickWaits(section);
  });
  window.addEventListener('pagehide', () => stream.close());
}

// The outcome's checklist saves each tick as it is made; without JavaScript, its button does.
const checklist = document.getElementById('checklist');
if (checklist) {
  const status = document.getElementById('ticks-status');
  document.getElementById('save-ticks').hidden = true;
  checklist.addEventListener('change', async () => {
    const r = await fetch(checklist.getAttribute('action'), {
      method: 'POST', body: new URLSearchParams(new FormData(checklist)), credentials: 'same-origin', keepalive: true,
      headers: { 'X-Requested-With': 'fetch', 'X-CSRF-Token': csrf ?? '' },
    }).catch(() => null);
    status.textContent = r && r.ok ? 'Ticks saved' : 'The ticks could not be saved: try again, or use Save ticks';
    if (!r || !r.ok) document.getElementById('save-ticks').hidden = false;
  });
}

// The warm transfer's status: while the team is being dialled or briefed, check every 2 seconds, and at
// once when the call's live stream says a step was taken; show the panel again only when its state has
// moved on. Without JavaScript, reloading the page does.
const pollTransfer = (panel) => {
  const url = panel.dataset.poll;
  if (!url) return;
  const announce = document.getElementById('warm-transfer-announce');
  let done = false;
  const check = async () => {
    const r = await fetch(url, { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' }).catch(() => null);
    if (done || !r || !r.ok) return;
    const holder = document.createElement('div');
    holder.innerHTML = await r.text();
    const next = holder.querySelector('#warm-transfer');
    if (done || !next || next.dataset.state === panel.dataset.state) return;
    done = true;
    clearInterval(timer);
    document.removeEventListener('callguide:transfer', check);
    panel.replaceWith(next);
    const said = next.querySelector('[data-announce]');
    if (announce && said) announce.textContent = said.textContent.replace(/\s+/g, ' ').trim();
    pollTransfer(next);
  };
  const timer = setInterval(check, 2000);
  document.addEventListener('callguide:transfer', check);
};
const transferPanel = document.getElementById('warm-transfer');
if (transferPanel) pollTransfer(transferPanel);
