/*
 * DataOps governance report: the records come as compact JSON (a data block with class "dor-data"); the table
 * shows one page of the records that match the filters, evidence is rendered when a record is opened, the text
 * filter runs over an index built once, "#record-N" opens record N. Served as a file (no inline script, no eval,
 * no inline handlers, no style attribute: classes only) so that it runs under
 * "Content-Security-Policy: script-src 'self'". Initialises every element with class "dataops-report".
 */
(function () {
  'use strict';

  var DAY = 86400000;
  var PAGE = 100;
  var MAX_DEPTH = 8;
  var MAX_COLUMNS = 12;
  var SEQ = 0, TIME = 1, PRODUCT = 2, ENV = 3, ACTION = 4, RELEASE = 5, OUTCOME = 6, ACTOR = 7, BUILD = 8,
    HASH = 9, EVIDENCE = 10;
  // Mirrors Outcome.kindOf in the engine.
  var FAILURES = ['failed', 'refused', 'failure', 'fail', 'error'];
  var WARNINGS = ['warn', 'warning', 'unstable', 'skipped'];

  function own(object, key) {
    return object !== null && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, key);
  }

  function kind(text) {
    var key = String(text).trim().toLowerCase();
    return FAILURES.indexOf(key) >= 0 ? 'dor-fail' : WARNINGS.indexOf(key) >= 0 ? 'dor-warn' : 'dor-ok';
  }

  function el(tag, cssClass, text) {
    var element = document.createElement(tag);
    if (cssClass) {
      element.className = cssClass;
    }
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  }

  function isoTime(millis) {
    var date = new Date(millis);
    return isNaN(date.getTime()) ? String(millis) : date.toISOString();
  }

  function shownTime(iso) {
    return iso.length < 19 ? iso : iso.substring(0, 10) + ' ' + iso.substring(11, 19);
  }

  function shorten(value, length) {
    return value.length <= length ? value : value.substring(0, length - 1) + '\u2026';
  }

  // Mirrors RecordTable.buildLabel in the engine.
  function buildLabel(url) {
    var pathStart = url.indexOf('/', url.indexOf('//') + 2);
    if (pathStart < 0 || pathStart === url.length - 1) {
      return url;
    }
    var segments = url.substring(pathStart + 1).split('/');
    while (segments.length && segments[segments.length - 1] === '') {
      segments.pop();
    }
    var label = '';
    for (var i = 0; i < segments.length; i++) {
      if (segments[i] === 'job' && i + 1 < segments.length) {
        label += (label ? ' \u00bb ' : '') + segments[++i];
      } else if (i === segments.length - 1 && label && /^\d+$/.test(segments[i])) {
        label += ' #' + segments[i];
      } else {
        return shorten(url.substring(pathStart + 1), 40);
      }
    }
    return label || url;
  }

  /* Evidence, rendered as EvidenceHtml renders it on the server, from the vocabulary the page carries. */
  function Evidence(vocabulary) {
    this.titles = vocabulary.titles || {};
    this.columns = vocabulary.columns || {};
    this.status = vocabulary.status || [];
    this.code = vocabulary.code || [];
  }

  Evidence.prototype.render = function (evidence) {
    if (!evidence || typeof evidence !== 'object' || Object.keys(evidence).length === 0) {
      return el('p', 'dor-muted', 'No evidence recorded.');
    }
    return this.map(evidence, 0);
  };

  Evidence.prototype.map = function (map, depth) {
    var self = this;
    var list = el('dl', 'dor-ev');
    Object.keys(map).forEach(function (key) {
      var known = own(self.titles, key) || own(self.columns, key);
      var value = el('dd', known ? 'dor-ev-known' : '');
      list.appendChild(el('dt', '', own(self.titles, key) ? self.titles[key] : key));
      if (known) {
        value.setAttribute('data-key', key);
      }
      value.appendChild(self.value(key, map[key], depth + 1));
      list.appendChild(value);
    });
    return list;
  };

  Evidence.prototype.value = function (key, value, depth) {
    if (depth > MAX_DEPTH) {
      return el('span', 'dor-muted', '\u2026 (nested too deep)');
    }
    if (Array.isArray(value)) {
      return this.list(key, value, depth);
    }
    if (value !== null && typeof value === 'object') {
      return this.map(value, depth);
    }
    return this.scalar(key, value);
  };

  function isMap(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  Evidence.prototype.list = function (key, items, depth) {
    var self = this;
    if (items.length === 0) {
      return el('span', 'dor-muted', 'none');
    }
    if (items.every(isMap)) {
      return this.table(key, items, depth);
    }
    var list = el('ul', 'dor-ev-list');
    items.forEach(function (item) {
      list.appendChild(el('li')).appendChild(self.value('', item, depth + 1));
    });
    return list;
  };

  Evidence.prototype.table = function (key, rows, depth) {
    var self = this;
    var known = own(this.columns, key) ? this.columns[key] : null;
    var columns = [];
    (known || []).forEach(function (column) {
      if (rows.some(function (row) { return own(row, column); })) {
        columns.push(column);
      }
    });
    rows.forEach(function (row) {
      Object.keys(row).forEach(function (column) {
        if (columns.length < MAX_COLUMNS && columns.indexOf(column) < 0) {
          columns.push(column);
        }
      });
    });
    var table = el('table', known ? 'dor-ev-table dor-ev-known' : 'dor-ev-table');
    if (known) {
      table.setAttribute('data-key', key);
    }
    var head = table.appendChild(el('thead')).appendChild(el('tr'));
    columns.forEach(function (column) { head.appendChild(el('th', '', column)); });
    var body = table.appendChild(el('tbody'));
    rows.forEach(function (row) {
      var line = body.appendChild(el('tr'));
      columns.forEach(function (column) {
        var cell = line.appendChild(el('td'));
        if (own(row, column)) {
          cell.appendChild(self.value(column, row[column], depth + 1));
        }
      });
    });
    return table;
  };

  Evidence.prototype.scalar = function (key, value) {
    var text = value === null ? 'null' : String(value);
    if (this.status.indexOf(key) >= 0) {
      return el('span', 'dor-badge ' + kind(typeof value === 'boolean' ? (value ? 'passed' : 'failed') : text), text);
    }
    if (this.code.indexOf(key) >= 0) {
      return el('code', '', text);
    }
    return typeof value === 'string' ? document.createTextNode(text) : el('span', 'dor-json-literal', text);
  };

  /* The text a free-text search looks in: every field, the shown time, every key and value of the evidence. */
  function collect(value, parts, depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (Array.isArray(value)) {
      value.forEach(function (item) { collect(item, parts, depth + 1); });
    } else if (value !== null && typeof value === 'object') {
      Object.keys(value).forEach(function (key) {
        parts.push(key);
        collect(value[key], parts, depth + 1);
      });
    } else {
      parts.push(String(value));
    }
  }

  function searchText(record) {
    var parts = [String(record[SEQ]), shownTime(isoTime(record[TIME]))];
    for (var i = PRODUCT; i <= HASH; i++) {
      parts.push(record[i]);
    }
    if (/^https?:\/\//.test(record[BUILD])) {
      parts.push(buildLabel(record[BUILD]));
    }
    collect(record[EVIDENCE], parts, 0);
    return parts.join('\n').toLowerCase();
  }

  function field(form, name) {
    var element = form ? form.elements.namedItem(name) : null;
    return element && element.value ? element.value.trim() : '';
  }

  function dayStart(value) {
    var millis = Date.parse(value + 'T00:00:00Z');
    return isNaN(millis) ? null : millis;
  }

  function buildCell(ref) {
    if (!/^https?:\/\//.test(ref)) {
      return document.createTextNode(ref);
    }
    var link = el('a', '', buildLabel(ref));
    link.rel = 'noopener noreferrer';
    link.href = ref;
    link.title = ref;
    return link;
  }

  /* One record as a table body: its row, and a detail row filled when the record is opened. */
  function recordRow(record, untrusted, i) {
    var outcome = kind(record[OUTCOME]);
    var iso = isoTime(record[TIME]);
    var body = el('tbody', 'dor-rec ' + outcome + (untrusted ? ' dor-untrusted' : ''));
    var line = body.appendChild(el('tr', 'dor-row'));
    var time = el('time', '', shownTime(iso));
    body.id = 'record-' + record[SEQ];
    body.setAttribute('data-seq', String(record[SEQ]));
    body.setAttribute('data-index', String(i));
    line.appendChild(el('td', '', String(record[SEQ])));
    time.setAttribute('datetime', iso);
    line.appendChild(el('td')).appendChild(time);
    [PRODUCT, ENV, ACTION, RELEASE].forEach(function (f) { line.appendChild(el('td', '', record[f])); });
    var outcomeCell = line.appendChild(el('td'));
    outcomeCell.appendChild(el('span', 'dor-badge ' + outcome, record[OUTCOME]));
    if (untrusted) {
      outcomeCell.appendChild(document.createTextNode(' '));
      outcomeCell.appendChild(el('span', 'dor-badge dor-fail dor-untrusted-badge', 'untrusted'));
    }
    line.appendChild(el('td', '', record[ACTOR]));
    line.appendChild(el('td')).appendChild(buildCell(record[BUILD]));
    var toggleButton = line.appendChild(el('td')).appendChild(el('button', 'dor-toggle', 'Evidence'));
    toggleButton.type = 'button';
    toggleButton.setAttribute('aria-expanded', 'false');
    var detail = body.appendChild(el('tr', 'dor-detail')).appendChild(el('td'));
    detail.colSpan = 10;
    detail.appendChild(el('div', 'dor-detail-body'));
    return body;
  }

  /* Opens or closes a record's evidence, rendering it the first time it is opened. */
  function toggleRecord(body, record, evidence, open) {
    var button = body.querySelector('.dor-toggle');
    var isOpen = open === undefined ? !body.classList.contains('dor-open') : open;
    var detail = body.querySelector('.dor-detail-body');
    if (isOpen && detail && !detail.firstChild) {
      var chain = detail.appendChild(el('dl', 'dor-ev dor-chain'));
      chain.appendChild(el('dt', '', 'Hash'));
      chain.appendChild(el('dd')).appendChild(el('code', '', record[HASH]));
      detail.appendChild(evidence.render(record[EVIDENCE]));
    }
    body.classList.toggle('dor-open', isOpen);
    if (button) {
      button.setAttribute('aria-expanded', String(isOpen));
    }
  }

  function newPager(table) {
    var pager = el('nav', 'dor-pager');
    var parts = {
      pager: pager,
      previous: pager.appendChild(el('button', 'dor-page-prev', '\u2039 Older')),
      position: pager.appendChild(el('span', 'dor-page-pos')),
      next: pager.appendChild(el('button', 'dor-page-next', 'Newer \u203a'))
    };
    parts.previous.type = 'button';
    parts.next.type = 'button';
    pager.setAttribute('aria-label', 'Record pages');
    table.parentNode.parentNode.insertBefore(pager, table.parentNode.nextSibling);
    return parts;
  }

  /*
   * A server's page (the Jenkins plugin): the element names a records endpoint; every filter change asks it for
   * the newest page of matching records (filtered, paged, permission-checked and chain-verified on the server),
   * the pager moves the offset, the banner shows the server's verification of the jobs on the page.
   */
  function initRemote(root, url) {
    var form = root.querySelector('.dor-filters');
    var table = root.querySelector('.dor-table');
    var count = root.querySelector('.dor-count');
    var empty = root.querySelector('.dor-empty');
    var banner = root.querySelector('.dor-integrity');
    var parts = newPager(table);
    var evidence = new Evidence({});
    var current = [];
    var total = 0;
    var offset = 0;
    var limit = PAGE;
    var asked = 0;
    var applied = null;
    root.classList.add('dor-js');

    function query() {
      var params = new URLSearchParams();
      ['env', 'action', 'outcome', 'actor', 'from', 'to', 'q'].forEach(function (name) {
        var value = field(form, name);
        if (value) {
          params.set(name, value);
        }
      });
      return params;
    }

    function showBanner(verification) {
      if (!banner || !verification) {
        return;
      }
      banner.className = 'dor-integrity ' + (verification.intact ? 'dor-ok' : 'dor-fail');
      banner.setAttribute('role', verification.intact ? 'status' : 'alert');
      banner.textContent = '';
      banner.appendChild(el('strong', '', verification.title + ' '));
      banner.appendChild(el('span', 'dor-integrity-text', verification.text));
    }

    function render(data) {
      var rows = document.createDocumentFragment();
      current = data.records.slice().reverse(); // the server sends newest first; the table reads oldest first
      total = data.total;
      current.forEach(function (record, i) { rows.appendChild(recordRow(record, record[13] === 1, i)); });
      Array.prototype.forEach.call(table.querySelectorAll('tbody.dor-rec'), function (body) {
        body.parentNode.removeChild(body);
      });
      table.appendChild(rows);
      var pages = Math.max(1, Math.ceil(total / limit));
      var first = total - offset - current.length + 1;
      parts.position.textContent = current.length === 0 ? '' : 'Records ' + first + '\u2013' + (total - offset)
        + ' of ' + total + ' (page ' + (pages - Math.floor(offset / limit)) + ' of ' + pages + ')';
      parts.previous.disabled = offset + limit >= total;
      parts.next.disabled = offset === 0;
      parts.pager.hidden = pages === 1;
      if (count) {
        count.textContent = total + ' records';
      }
      if (empty) {
        empty.textContent = 'No records match.';
        empty.hidden = total > 0;
      }
      showBanner(data.verification);
    }

    function failed(message) {
      if (empty) {
        empty.textContent = message;
        empty.hidden = false;
      }
    }

    function load() {
      var params = query();
      var ticket = ++asked;
      params.set('offset', String(offset));
      params.set('limit', String(limit));
      window.fetch(url + '?' + params.toString(), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' }
      }).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (answer) {
        if (ticket !== asked) {
          return; // a newer request was sent: its answer wins
        }
        if (!answer.ok) {
          failed(answer.body && answer.body.error ? answer.body.error : 'The records could not be loaded.');
          return;
        }
        evidence = new Evidence(answer.body.vocabulary || {});
        render(answer.body);
      }).catch(function () {
        if (ticket === asked) {
          failed('The records could not be loaded; reload the page.');
        }
      });
    }

    function apply() {
      var key = query().toString();
      if (key === applied) {
        return;
      }
      applied = key;
      offset = 0;
      load();
    }

    if (form) {
      form.addEventListener('input', apply);
      form.addEventListener('change', apply);
      form.addEventListener('submit', function (event) { event.preventDefault(); });
      form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
    }
    parts.previous.addEventListener('click', function () { offset += limit; load(); });
    parts.next.addEventListener('click', function () { offset = Math.max(0, offset - limit); load(); });
    root.addEventListener('click', function (event) {
      var target = event.target instanceof Element ? event.target : null;
      var button = target && target.closest('.dor-toggle');
      var body = button && button.closest('tbody.dor-rec');
      if (body) {
        toggleRecord(body, current[Number(body.getAttribute('data-index'))], evidence);
      }
    });
    apply();
  }

  /* The data block follows the report's element in the standalone page and sits inside it in the fragment. */
  function readData(root) {
    var after = root.nextElementSibling;
    var node = after && after.classList.contains('dor-data') ? after : root.querySelector('.dor-data');
    if (!node) {
      return { vocabulary: {}, records: [] };
    }
    var data = JSON.parse(node.textContent);
    node.textContent = ''; // the parsed records are kept; the text would double the memory
    return data;
  }

  function init(root) {
    var url = root.getAttribute('data-records');
    if (url) {
      initRemote(root, url);
      return;
    }
    var data = readData(root);
    var records = data.records;
    var untrustedFrom = typeof data.untrustedFrom === 'number' ? data.untrustedFrom : Infinity;
    var evidence = new Evidence(data.vocabulary || {});
    var form = root.querySelector('.dor-filters');
    var table = root.querySelector('.dor-table');
    var count = root.querySelector('.dor-count');
    var empty = root.querySelector('.dor-empty');
    var texts = null;
    var resetByReveal = false;
    var applied = null;
    var shown = [];
    var page = 0;
    var parts = newPager(table);
    var pager = parts.pager, previous = parts.previous, position = parts.position, next = parts.next;
    root.classList.add('dor-js');

    function index() {
      if (texts === null) {
        texts = records.map(searchText);
      }
      return texts;
    }

    function criteria() {
      var from = dayStart(field(form, 'from'));
      var to = dayStart(field(form, 'to'));
      return {
        env: field(form, 'env'),
        action: field(form, 'action'),
        outcome: field(form, 'outcome'),
        actor: field(form, 'actor').toLowerCase(),
        from: from === null ? -Infinity : from,
        to: to === null ? Infinity : to + DAY,
        text: field(form, 'q').toLowerCase()
      };
    }

    function filter() {
      var c = criteria();
      var words = c.text ? index() : null;
      shown = [];
      for (var i = 0; i < records.length; i++) {
        var r = records[i];
        if ((!c.env || r[ENV] === c.env)
          && (!c.action || r[ACTION] === c.action)
          && (!c.outcome || r[OUTCOME] === c.outcome)
          && (!c.actor || r[ACTOR].toLowerCase().indexOf(c.actor) >= 0)
          && r[TIME] >= c.from && r[TIME] < c.to
          && (!words || words[i].indexOf(c.text) >= 0)) {
          shown.push(i);
        }
      }
    }

    function pages() {
      return Math.max(1, Math.ceil(shown.length / PAGE));
    }

    function row(i) {
      return recordRow(records[i], records[i][SEQ] >= untrustedFrom, i);
    }

    function render() {
      var old = table.querySelectorAll('tbody.dor-rec');
      var rows = document.createDocumentFragment();
      page = Math.min(Math.max(page, 0), pages() - 1);
      for (var k = page * PAGE; k < Math.min(shown.length, (page + 1) * PAGE); k++) {
        rows.appendChild(row(shown[k]));
      }
      Array.prototype.forEach.call(old, function (body) { body.parentNode.removeChild(body); });
      table.appendChild(rows);
      position.textContent = shown.length === 0 ? '' : 'Records ' + (page * PAGE + 1) + '\u2013'
        + Math.min(shown.length, (page + 1) * PAGE) + ' of ' + shown.length + ' (page ' + (page + 1) + ' of '
        + pages() + ')';
      previous.disabled = page === 0;
      next.disabled = page >= pages() - 1;
      pager.hidden = pages() === 1;
      if (count) {
        count.textContent = shown.length === records.length ? records.length + ' records'
          : shown.length + ' of ' + records.length + ' records';
      }
      if (empty) {
        empty.hidden = shown.length > 0;
      }
    }

    function apply() {
      var key = JSON.stringify(criteria());
      if (key === applied) {
        return; // "change" after "input" (leaving a field) must not replace the rows the user is clicking
      }
      applied = key;
      filter();
      page = pages() - 1; // the newest records first, as without the script
      render();
    }

    function toggle(body, open) {
      toggleRecord(body, records[Number(body.getAttribute('data-index'))], evidence, open);
    }

    function search(list, value, key) {
      var low = 0;
      var high = list.length - 1;
      while (low <= high) {
        var middle = (low + high) >> 1;
        var probe = key(list[middle]);
        if (probe === value) {
          return middle;
        }
        if (probe < value) {
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      return -1;
    }

    function reveal(sequence) {
      var i = search(records, Number(sequence), function (record) { return record[SEQ]; });
      if (i < 0) {
        return;
      }
      var at = search(shown, i, function (value) { return value; });
      if (at < 0 && form) {
        resetByReveal = true; // the reset listener must not move back to the newest page
        form.reset();
        applied = JSON.stringify(criteria());
        filter();
        at = search(shown, i, function (value) { return value; });
      }
      page = Math.floor(at / PAGE);
      render();
      var body = table.querySelector('tbody.dor-rec[data-index="' + i + '"]');
      toggle(body, true);
      body.classList.add('dor-flash');
      window.setTimeout(function () { body.classList.remove('dor-flash'); }, 1600);
      body.scrollIntoView({ block: 'center' });
    }

    function followHash() {
      var match = /^#record-(\d+)$/.exec(window.location.hash);
      if (match) {
        reveal(match[1]);
      }
    }

    if (form) {
      form.addEventListener('input', apply);
      form.addEventListener('change', apply);
      form.addEventListener('submit', function (event) { event.preventDefault(); });
      form.addEventListener('reset', function () {
        window.setTimeout(function () {
          if (resetByReveal) {
            resetByReveal = false;
          } else {
            apply();
          }
        }, 0);
      });
    }
    previous.addEventListener('click', function () { page--; render(); });
    next.addEventListener('click', function () { page++; render(); });
    root.addEventListener('click', function (event) {
      var target = event.target instanceof Element ? event.target : null;
      var button = target && target.closest('.dor-toggle');
      var marker = target && target.closest('.dor-marker');
      if (button) {
        toggle(button.closest('tbody.dor-rec'));
      } else if (marker) {
        reveal(marker.getAttribute('data-seq'));
      }
    });
    root.addEventListener('keydown', function (event) {
      var marker = event.target instanceof Element && event.target.closest('.dor-marker');
      if (marker && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        reveal(marker.getAttribute('data-seq'));
      }
    });
    window.addEventListener('hashchange', followHash);
    apply();
    followHash();
    // Build the search index when the page is idle, so the first text filter does not wait for it.
    window.setTimeout(index, 0);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('.dataops-report'), init);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
