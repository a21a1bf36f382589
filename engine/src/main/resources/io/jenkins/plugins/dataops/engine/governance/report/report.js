/*
 * DataOps governance report: client-side filtering, evidence toggles, timeline-to-row navigation.
 * Served as a file (no inline script, no eval, no inline handlers) so that it runs under
 * "Content-Security-Policy: script-src 'self'". Initialises every element with class "dataops-report".
 */
(function () {
  'use strict';

  var DAY = 86400000;

  function field(form, name) {
    var element = form.elements.namedItem(name);
    return element && element.value ? element.value.trim() : '';
  }

  function dayStart(value) {
    var millis = Date.parse(value + 'T00:00:00Z');
    return isNaN(millis) ? null : millis;
  }

  function init(root) {
    var form = root.querySelector('.dor-filters');
    var records = Array.prototype.slice.call(root.querySelectorAll('tbody.dor-rec'));
    var count = root.querySelector('.dor-count');
    var empty = root.querySelector('.dor-empty');
    var texts = null;
    root.classList.add('dor-js');

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

    function matches(record, index, c) {
      var data = record.dataset;
      var time = Number(data.time);
      return (!c.env || data.env === c.env)
        && (!c.action || data.action === c.action)
        && (!c.outcome || data.outcome === c.outcome)
        && (!c.actor || data.actor.toLowerCase().indexOf(c.actor) >= 0)
        && time >= c.from && time < c.to
        && (!c.text || texts[index].indexOf(c.text) >= 0);
    }

    function apply() {
      var c = criteria();
      var shown = 0;
      if (c.text && texts === null) {
        texts = records.map(function (record) { return record.textContent.toLowerCase(); });
      }
      records.forEach(function (record, index) {
        var visible = matches(record, index, c);
        record.hidden = !visible;
        if (visible) {
          shown++;
        }
      });
      if (count) {
        count.textContent = shown === records.length ? records.length + ' records'
          : shown + ' of ' + records.length + ' records';
      }
      if (empty) {
        empty.hidden = shown > 0;
      }
    }

    function toggle(record, open) {
      var button = record.querySelector('.dor-toggle');
      var isOpen = open === undefined ? !record.classList.contains('dor-open') : open;
      record.classList.toggle('dor-open', isOpen);
      if (button) {
        button.setAttribute('aria-expanded', String(isOpen));
      }
    }

    function reveal(sequence) {
      var record = root.querySelector('tbody.dor-rec[data-seq="' + sequence + '"]');
      if (!record) {
        return;
      }
      if (record.hidden && form) {
        form.reset();
        apply();
      }
      toggle(record, true);
      record.classList.add('dor-flash');
      window.setTimeout(function () { record.classList.remove('dor-flash'); }, 1600);
      record.scrollIntoView({ block: 'center' });
    }

    if (form) {
      form.addEventListener('input', apply);
      form.addEventListener('change', apply);
      form.addEventListener('submit', function (event) { event.preventDefault(); });
      form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
    }
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
    apply();
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
