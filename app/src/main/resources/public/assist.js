// The assistant on the handler's screens. Without it the suggestion and search forms post and get
// whole pages; with it they update in place, the live transcript asks for suggestions, and A accepts one.
const panel = document.querySelector('[data-suggestion-panel]');
const answerForm = document.getElementById('answer-form');

const typing = (t) => Boolean(t.matches?.('input:not([type=radio]):not([type=checkbox]), textarea, select'));

// Enter in the assistant's own fields sends their form, never the answer: the page's Enter shortcut
// listens on the document, so it is stopped here.
for (const field of document.querySelectorAll('#heard, #search-q')) {
  if (field.dataset.assistKeys) continue;
  field.dataset.assistKeys = 'on';
  field.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
    e.stopPropagation();
    e.preventDefault();
    field.form.requestSubmit();
  });
}

if (panel && answerForm && !panel.dataset.assistReady) {
  panel.dataset.assistReady = 'on';
  const form = document.getElementById('suggestion-form');
  const heard = document.getElementById('heard');
  const result = document.getElementById('suggestion-result');
  let typed = false;

  // A chooses the suggested answer; the handler still continues with Enter, so they always decide.
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || typing(e.target)) return;
    if (e.key !== 'a' && e.key !== 'A') return;
    const suggested = result.querySelector('[data-suggested][data-accept]');
    if (!suggested) return;
    const radio = [...answerForm.querySelectorAll('input[name="answer"]')].find((r) => r.value === suggested.dataset.suggested);
    if (!radio) return;
    e.preventDefault();
    radio.checked = true;
    radio.focus();
  });

  form.addEventListener('submit', () => { typed = document.activeElement === heard || document.activeElement?.id === 'suggest'; });
  // The suggestion is marked in the radio list itself, and moves with each new suggestion.
  const mark = () => {
    const suggested = result.querySelector('[data-suggested]')?.dataset.suggested;
    for (const old of answerForm.querySelectorAll('.callguide-suggested-mark')) old.remove();
    const radio = [...answerForm.querySelectorAll('input[name="answer"]')].find((r) => r.value === suggested);
    const label = radio && answerForm.querySelector(`label[for="${radio.id}"]`);
    if (!label) return;
    const tag = document.createElement('strong');
    tag.className = 'govuk-tag govuk-tag--grey callguide-suggested-mark';
    tag.textContent = 'Suggested';
    label.append(' ', tag);
  };
  // After asking by hand, the suggestion takes the focus, so A and Enter work at once.
  document.body.addEventListener('htmx:afterSwap', (e) => {
    if (e.detail.target !== result) return;
    mark();
    if (!typed) return;
    typed = false;
    result.querySelector('[data-suggested]')?.focus();
  });

  // What the caller says after the question appeared asks for a suggestion from those lines (the server
  // reads them, newest weighted most), unless the handler is typing. Earlier speech never asks on its own.
  const since = Number(document.getElementById('suggest-since')?.value ?? -1);
  const from = document.getElementById('suggest-from');
  let pending;
  // A stream that ends is opened again after a pause, from the last line heard, so nothing is heard twice.
  let lastSequence = -1;
  let stream;
  let pause = 1000;
  const onLine = (e) => {
    let line;
    try { line = JSON.parse(e.data); } catch { return; }
    if (line.sequence <= lastSequence) return;
    lastSequence = line.sequence;
    if (line.speaker !== 'caller' || !line.text || !(Number(line.sequence) > since)) return;
    clearTimeout(pending);
    pending = setTimeout(() => {
      if (document.activeElement === heard) return;
      from.value = 'transcript';
      form.requestSubmit();
    }, 300);
  };
  document.body.addEventListener('htmx:afterRequest', (e) => { if (e.detail.elt === form) from.value = ''; });
  const listen = () => {
    const base = `/api/calls/${panel.dataset.call}/transcript/stream`;
    stream = new EventSource(lastSequence >= 0 ? `${base}?after=${lastSequence}` : base);
    stream.addEventListener('open', () => { pause = 1000; });
    stream.addEventListener('line', onLine);
    stream.addEventListener('error', () => {
      if (stream.readyState !== EventSource.CLOSED) return;
      setTimeout(listen, pause);
      pause = Math.min(pause * 2, 30000);
    });
  };
  listen();
  window.addEventListener('pagehide', () => stream.close());
}
