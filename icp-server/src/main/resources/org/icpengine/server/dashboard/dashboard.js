// ICP Engine dashboard: plain JS, no build step. Every value from the API reaches the DOM through textContent
// (never innerHTML); chart options come built from the API's /charts routes (org.icpengine.core.report.Charts, as
// the report draws them), so this script builds none of its own.
(function () {
  'use strict';

  var KEY = 'icp.apiKey';
  var charts = {};
  var loaded = {};
  var metricsById = null;

  function $(id) { return document.getElementById(id); }

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    return e;
  }

  function fmt(v) {
    if (v === null || v === undefined) { return ''; }
    if (typeof v === 'number') { return Number.isInteger(v) ? String(v) : v.toFixed(3); }
    if (Array.isArray(v)) { return v.map(fmt).join(', '); }
    if (typeof v === 'object') { return JSON.stringify(v); }
    return String(v);
  }

  function showError(message) { $('error').textContent = message || ''; }

  // fetches /api/v1/<path> with the bearer key; on 401 forgets the key and asks again
  function api(path, body) {
    var init = { headers: { 'Authorization': 'Bearer ' + sessionStorage.getItem(KEY) } };
    if (body !== undefined) {
      init.method = 'POST';
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch('/api/v1/' + path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (r.status === 401) { logout('the key was refused; enter it again'); }
        if (!r.ok) {
          var msg = (j && j.error) ? j.error.code + ': ' + j.error.message : 'HTTP ' + r.status;
          throw new Error(msg);
        }
        return j;
      });
    });
  }

  // fills a table; columns are [header, function(row) -> value or Node]; sortable headers sort client-side
  function table(id, columns, rows, sortable) {
    var t = $(id);
    t.replaceChildren();
    var state = { col: -1, desc: false };
    var head = el('tr');
    var body = el('tbody');
    columns.forEach(function (c, i) {
      var th = el('th', c[0]);
      if (sortable) {
        th.className = 'sortable';
        th.addEventListener('click', function () {
          state.desc = state.col === i ? !state.desc : true;
          state.col = i;
          draw();
        });
      }
      head.appendChild(th);
    });
    var thead = el('thead');
    thead.appendChild(head);
    t.appendChild(thead);
    t.appendChild(body);
    function draw() {
      var sorted = rows.slice();
      if (state.col >= 0) {
        var f = columns[state.col][1];
        sorted.sort(function (a, b) {
          var x = f(a), y = f(b);
          var nx = typeof x === 'number' ? x : parseFloat(x), ny = typeof y === 'number' ? y : parseFloat(y);
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y));
          return state.desc ? -c : c;
        });
      }
      body.replaceChildren();
      sorted.forEach(function (r) {
        var tr = el('tr');
        columns.forEach(function (c) {
          var v = c[1](r);
          var td = el('td');
          if (v instanceof Node) { td.appendChild(v); } else { td.textContent = fmt(v); }
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
    }
    draw();
  }

  function chart(id, option) {
    if (!charts[id]) { charts[id] = echarts.init($(id)); }
    charts[id].setOption(option, true);
    return charts[id];
  }

  // --- views ---
  var views = {
    overview: function () {
      return Promise.all([api('discovery'), api('validation')]).then(function (r) {
        var d = r[0], v = r[1];
        $('top-rule').textContent = (d.rules && d.rules.length) ? d.rules[0].sentence : 'no rule found';
        $('ideal').textContent = 'Ideal customer: ' + fmt(d.ideal) + ' (as of ' + fmt(d.as_of) + ')';
        table('verdicts', [['model', function (m) { return m.name; }], ['kind', function (m) { return m.kind; }],
          ['test AUC', function (m) { return m.auc ? m.auc.estimate : null; }],
          ['verdict', function (m) { return m.verdict; }]], v.models || [], false);
      });
    },
    segments: function () {
      return api('discovery').then(function (d) {
        // the persona attributes are dimensions of the workspace; the first query lists all the others
        var first = (d.personas && d.personas.length) ? Object.keys(d.personas[0].categories || {}) : [];
        return runSegments(first.length ? [first[0]] : ['industry']);
      });
    },
    rules: function () {
      return api('discovery').then(function (d) {
        table('rules', [['rule', function (r) { return r.sentence; }],
          ['customers', function (r) { return r.customers; }], ['ideal rate', function (r) { return r.ideal_rate; }],
          ['lift', function (r) { return r.lift; }], ['expression', function (r) { return r.expression; }]],
          d.rules || [], true);
        table('personas', [['persona', function (p) { return p.label; }],
          ['customers', function (p) { return p.customers; }], ['share', function (p) { return p.share; }],
          ['profile', function (p) {
            return Object.keys(p.categories || {}).map(function (k) {
              var top = p.categories[k][0];
              return top ? k + ': ' + top.value + ' (' + Math.round(top.share * 100) + '%)' : '';
            }).join('; ');
          }]], d.personas || [], true);
      });
    },
    models: function () {
      return api('models').then(function (r) {
        var select = $('model-select');
        select.replaceChildren();
        (r.models || []).forEach(function (m) { select.appendChild(el('option', m.name, { value: m.name })); });
        select.onchange = function () { showModel(select.value).catch(function (e) { showError(e.message); }); };
        return select.value ? showModel(select.value) : null;
      });
    },
    validation: function () {
      return Promise.all([api('charts/validation/gains'), api('charts/validation/calibration')]).then(function (r) {
        chart('gains-chart', r[0]);
        chart('calibration-chart', r[1]);
      });
    },
    prospects: function () {
      return api('exports/sales_priority?limit=200').then(function (r) {
        var cols = ['rank', 'account_id', 'name', 'industry', 'score', 'tier', 'reason_1', 'reason_against']
          .filter(function (c) { return r.columns.indexOf(c) >= 0; })
          .map(function (c) { return [c, function (row) { return row[c]; }]; });
        cols.push(['live score', function (row) {
          var box = el('div', null, { 'class': 'score-result' });
          var b = el('button', 'score', { 'class': 'score-button', 'data-account': row.account_id || '' });
          var out = el('span');
          b.addEventListener('click', function () { scoreRow(row, out); });
          box.appendChild(b);
          box.appendChild(out);
          return box;
        }]);
        table('prospects', cols, r.rows || [], true);
      });
    },
    watchlist: function () {
      return api('exports/cs_watchlist?limit=500').then(function (r) {
        var cols = ['account_id', 'name', 'tier', 'score', 'mrr', 'health_tier', 'p_retained', 'reasons']
          .filter(function (c) { return r.columns.indexOf(c) >= 0; })
          .map(function (c) { return [c, function (row) { return row[c]; }]; });
        table('watchlist', cols, r.rows || [], true);
      });
    }
  };

  function checkedDimensions() {
    return Array.prototype.slice.call(document.querySelectorAll('#dimensions input:checked'))
      .map(function (c) { return c.value; });
  }

  function runSegments(dims) {
    if (!dims.length) { showError('choose at least one dimension'); return Promise.resolve(); }
    var q = 'segments?by=' + encodeURIComponent(dims.join(','));
    var where = $('where').value.trim();
    if (where) { q += '&where=' + encodeURIComponent(where); }
    $('segments-status').textContent = 'running...';
    return Promise.all([api(q), api('charts/' + q)]).then(function (r) {
      var t = r[0];
      showError('');
      var box = $('dimensions');
      box.replaceChildren();
      (t.available_dimensions || t.dimensions).forEach(function (name) {
        var label = el('label');
        var c = el('input', null, { type: 'checkbox', value: name, 'class': 'dimension' });
        c.checked = t.dimensions.indexOf(name) >= 0;
        label.appendChild(c);
        label.appendChild(document.createTextNode(' ' + name));
        box.appendChild(label);
      });
      var segs = t.segments || [];
      var metricNames = segs.length ? Object.keys(segs[0].metrics || {}) : [];
      var cols = [['segment', function (s) { return s.label; }], ['accounts', function (s) { return s.accounts; }],
        ['customers', function (s) { return s.customers; }], ['ICP index', function (s) { return s.icp_index; }],
        ['rank', function (s) { return s.icp_rank; }], ['small', function (s) { return s.small ? 'small' : ''; }]];
      metricNames.forEach(function (m) {
        cols.push([m, function (s) { return s.metrics[m] ? s.metrics[m].value : null; }]);
      });
      table('segments-table', cols, segs, true);
      chart('segments-chart', r[1]);
      $('segments-status').textContent = segs.length + ' segments of ' + fmt(t.population.accounts) + ' accounts';
    }).catch(function (e) { $('segments-status').textContent = ''; showError(e.message); });
  }

  function showModel(name) {
    return api('models/' + encodeURIComponent(name)).then(function (m) {
      $('model-label').textContent = fmt(m.kind) + ' · ' + fmt(m.label);
      table('model-tiers', [['tier', function (t) { return t.name; }], ['min score', function (t) { return t.min_score; }],
        ['target share', function (t) { return t.target_share; }]], m.tiers || [], false);
      table('model-table', [['criterion', function (r) { return r.criterion; }], ['bin', function (r) { return r.bin; }],
        ['points', function (r) { return r.points; }], ['accounts', function (r) { return r.accounts; }],
        ['rate', function (r) { return r.rate; }]], m.scoring_table || [], true);
    });
  }

  // scores a prospect from its full metrics row when the first 10,000 metrics rows hold it, else from the
  // export row itself (its missing inputs are then listed)
  function scoreRow(row, out) {
    out.textContent = ' scoring...';
    var metrics = metricsById ? Promise.resolve(metricsById) : api('metrics?limit=10000').then(function (r) {
      metricsById = {};
      (r.rows || []).forEach(function (m) { metricsById[m.account_id] = m; });
      return metricsById;
    });
    metrics.then(function (byId) {
      return api('score', byId[row.account_id] || row);
    }).then(function (s) {
      // the exports rank by the 'fit' model; show that one when there is one
      var first = (s.scores || []).filter(function (m) { return m.model === 'fit'; })[0] || (s.scores || [])[0];
      if (!first) { out.textContent = ' no model'; return; }
      function reason(r) {
        var d = typeof r.delta === 'number' ? Math.round(r.delta) : r.points;
        return r.criterion + ' ' + r.bin + ' (' + (d > 0 ? '+' : '') + d + ' pts)';
      }
      var gained = (first.reasons.gained || []).map(reason);
      var lost = (first.reasons.lost || []).map(reason);
      out.replaceChildren();
      out.appendChild(el('span', ' ' + first.model + ': score ' + first.score, { 'class': 'live-score' }));
      out.appendChild(el('span', ' · tier ' + first.tier, { 'class': 'live-tier' }));
      out.appendChild(el('div', 'for: ' + gained.join('; '), { 'class': 'muted' }));
      if (lost.length) { out.appendChild(el('div', 'against: ' + lost.join('; '), { 'class': 'muted' })); }
      if ((first.missing || []).length) { out.appendChild(el('div', 'missing: ' + first.missing.join(', '), { 'class': 'muted' })); }
    }).catch(function (e) { out.textContent = ' ' + e.message; });
  }

  function show(view) {
    document.querySelectorAll('main section').forEach(function (s) { s.hidden = s.id !== 'view-' + view; });
    document.querySelectorAll('#tabs button').forEach(function (b) {
      b.classList.toggle('active', b.getAttribute('data-view') === view);
    });
    showError('');
    if (!loaded[view]) {
      loaded[view] = true;
      views[view]().catch(function (e) { loaded[view] = false; showError(e.message); });
    }
    // a chart drawn while its section was hidden has no size; resize once shown
    Object.keys(charts).forEach(function (id) { charts[id].resize(); });
  }

  function logout(message) {
    sessionStorage.removeItem(KEY);
    loaded = {};
    metricsById = null;
    $('app').hidden = true;
    $('tabs').hidden = true;
    $('logout').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
  }

  function start() {
    $('login').hidden = true;
    $('app').hidden = false;
    $('tabs').hidden = false;
    $('logout').hidden = false;
    show('overview');
  }

  $('login').addEventListener('submit', function (e) {
    e.preventDefault();
    var key = $('key').value.trim();
    if (!key) { $('login-error').textContent = 'enter a key'; return; }
    // check the key on a cheap route before keeping it
    fetch('/api/v1/models', { headers: { 'Authorization': 'Bearer ' + key } }).then(function (r) {
      if (r.ok) {
        sessionStorage.setItem(KEY, key);
        $('key').value = '';
        $('login-error').textContent = '';
        start();
      } else {
        $('login-error').textContent = r.status === 401 ? 'that key was refused' : 'HTTP ' + r.status;
      }
    }).catch(function (err) { $('login-error').textContent = err.message; });
  });
  $('logout').addEventListener('click', function () { logout(''); });
  $('run-segments').addEventListener('click', function () { runSegments(checkedDimensions()); });
  document.querySelectorAll('#tabs button').forEach(function (b) {
    b.addEventListener('click', function () { show(b.getAttribute('data-view')); });
  });
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (id) { charts[id].resize(); }); });

  if (sessionStorage.getItem(KEY)) { start(); }
}());
