// tocsin web view: the live timeline (Server-Sent Events) and filters that apply on change.
// Served as a file (the CSP allows no inline script); text goes in with textContent only.
function appendEntry(list, entry) {
  const item = document.createElement('li');
  item.className = `entry kind-${entry.kind} new`;
  const time = document.createElement('time');
  time.dateTime = entry.at;
  time.textContent = entry.atText;
  const author = document.createElement('span');
  author.className = 'author';
  author.textContent = entry.author;
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = entry.text;
  item.append(time, ' ', author, ' ', text);
  list.append(item);
}

function followTimeline() {
  const list = document.getElementById('timeline');
  const url = list?.dataset.stream;
  if (!list || !url) return;
  const source = new EventSource(url);
  source.addEventListener('entry', (message) => appendEntry(list, JSON.parse(message.data)));
  source.addEventListener('changed', () => {
    const notice = document.getElementById('timeline-changed');
    if (notice) notice.hidden = false;
  });
  window.addEventListener('pagehide', () => source.close());
}

function autosubmitFilters() {
  for (const select of document.querySelectorAll('select[data-autosubmit]')) {
    select.addEventListener('change', () => select.form?.requestSubmit());
  }
}

document.addEventListener('DOMContentLoaded', () => {
  followTimeline();
  autosubmitFilters();
});
