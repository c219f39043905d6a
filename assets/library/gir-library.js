// The report library's pages, enhanced: the index's filters (year, body,
// format, words of the title) and the year page's sortable columns. Without
// this script the pages are complete: the index lists every report, the
// comparison table is in its default order.
//
// Filters live in the URL's query (`?year=2021&body=…`), written with
// replaceState relative to the page, so a deep link survives a reload and
// works under any sub-path and inside a frame.
(() => {
  'use strict';

  const FIELDS = ['year', 'body', 'format', 'q'];
  // With the script, at most this many matching rows are shown until the
  // reader asks for all: laying out a thousand rows takes longer than a
  // frame on a slow phone; 20 (two or three screens of a phone) do not. (Without the script, all are.)
  const LIMIT = 20;

  function setUpFilters(root) {
    const form = root.querySelector('[data-gir-library-filters]');
    const rows = [...root.querySelectorAll('[data-gir-library-table] tbody tr')];
    const count = root.querySelector('[data-gir-library-count]');
    const more = root.querySelector('[data-gir-library-more]');
    let showAll = false;
    if (!form || rows.length === 0) return;
    // Read once: filtering then compares strings only.
    const data = rows.map((row) => ({
      row,
      year: row.dataset.year,
      body: row.dataset.body,
      format: row.dataset.format,
      title: (row.dataset.title || '').toLowerCase(),
      shown: true,
    }));
    const controls = Object.fromEntries(FIELDS.map((name) => [name, form.elements.namedItem(name)]));

    const fromUrl = () => {
      const params = new URLSearchParams(window.location.search);
      for (const name of FIELDS) {
        const control = controls[name];
        const value = params.get(name) || '';
        if (!control) continue;
        // A value the list does not have (an edited URL) selects nothing.
        if (control.tagName === 'SELECT' && ![...control.options].some((o) => o.value === value)) {
          control.value = '';
        } else {
          control.value = value;
        }
      }
    };

    const apply = (writeUrl) => {
      const want = Object.fromEntries(FIELDS.map((name) => [name, controls[name] ? controls[name].value.trim() : '']));
      const words = want.q.toLowerCase().split(/\s+/).filter(Boolean);
      let matching = 0;
      let shown = 0;
      for (const item of data) {
        const match =
          (!want.year || item.year === want.year) &&
          (!want.body || item.body === want.body) &&
          (!want.format || item.format === want.format) &&
          words.every((w) => item.title.includes(w));
        if (match) matching += 1;
        const show = match && (showAll || shown < LIMIT);
        if (show) shown += 1;
        if (show !== item.shown) {
          item.row.hidden = !show;
          item.shown = show;
        }
      }
      if (shown < matching) {
        count.textContent = `显示前${shown}份(符合${matching}份,共${data.length}份)`;
      } else {
        count.textContent = matching === data.length ? `显示全部${matching}份` : `显示${matching}份(共${data.length}份)`;
      }
      if (more) more.hidden = shown >= matching;
      if (writeUrl) {
        const params = new URLSearchParams();
        for (const name of FIELDS) if (want[name]) params.set(name, want[name]);
        const query = params.toString();
        // After the frame that shows the rows: the URL can wait, the reader not.
        const later = window.requestIdleCallback || ((task) => setTimeout(task, 0));
        later(() => window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname.split('/').pop() || './'));
      }
    };

    form.hidden = false;
    form.addEventListener('submit', (event) => event.preventDefault());
    const changed = () => {
      showAll = false;
      apply(true);
    };
    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    if (more) {
      more.addEventListener('click', () => {
        showAll = true;
        apply(false);
      });
    }
    fromUrl();
    apply(false);
  }

  function setUpSorting(table) {
    const headers = [...table.querySelectorAll('thead th')];
    const body = table.tBodies[0];
    headers.forEach((header, column) => {
      const button = header.querySelector('button');
      if (!button) return;
      button.disabled = false;
      button.addEventListener('click', () => {
        const ascending = header.getAttribute('aria-sort') !== 'ascending';
        for (const h of headers) h.setAttribute('aria-sort', 'none');
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const key = (row) => row.cells[column].dataset.sort || '';
        const rows = [...body.rows];
        rows.sort((a, b) => {
          const x = key(a);
          const y = key(b);
          // Gaps (空白, no value) sort last whatever the direction.
          if (x === '' || y === '') return (x === '') - (y === '');
          const nx = Number(x);
          const ny = Number(y);
          const order = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y, 'zh-CN') : nx - ny;
          return ascending ? order : -order;
        });
        body.append(...rows);
      });
    });
  }

  document.querySelectorAll('[data-gir-library]').forEach(setUpFilters);
  document.querySelectorAll('[data-gir-library-sortable]').forEach(setUpSorting);
})();
