/*
 * trendwatch dashboard. Reads the publish stage's JSON API, draws sector cards, an ECharts time series,
 * the selected sector's latest paragraphs with their evidence highlighted, and recent bursts; follows
 * /api/stream (server-sent events) and falls back to polling. Untrusted text (paragraphs, titles, URLs) only
 * ever reaches the page as text nodes or checked attributes, never as HTML.
 */
(() => {
  'use strict';

  const HOUR = 3600e3;
  const DAY = 24 * HOUR;
  const UNIT = { hour: HOUR, day: DAY, week: 7 * DAY };
  const RANGE = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY, '90d': 90 * DAY, '1y': 365 * DAY, all: null };
  const BUCKET_NAME = { hour: 'this hour', day: 'today (UTC)', week: 'this week (UTC)' };
  const PREVIOUS_NAME = { hour: 'last hour', day: 'yesterday', week: 'last week' };
  const PALETTE = ['#4f6bd8', '#e0793a', '#2b9d8f', '#c9a227', '#8e5bd6', '#d6456b',
    '#3f9ed8', '#6b8e23', '#a0522d', '#708090'];
  // past the palette, hues a golden angle apart: a taxonomy of many sectors gets no two alike
  const sectorColor = i => i < PALETTE.length ? PALETTE[i]
    : `hsl(${Math.round((i * 137.508) % 360)}, 55%, ${i % 2 ? 38 : 50}%)`;
  const MAX_POINTS = 2000;
  let chartCut = false;
  const PARAGRAPHS_SHOWN = 30;
  const LIVE_MIN_GAP_MS = 2000;
  const POLL_MS = 15000;
  const BACKGROUND_REFRESH_MS = 60000;
  const STATUS_ARROW = { rising: '▲', steady: '▶', falling: '▼' };

  const state = { granularity: 'day', range: '30d', measure: 'absolute', selected: null };
  const data = { sectors: [], summary: new Map(), trends: [], paragraphs: [], bursts: null, everCounted: false };
  /** Endpoints that answered 404: this server does not have them, so they are not asked again. */
  const missing = new Set();
  let chart = null;
  let live = null;
  let pollTimer = null;
  let lastRefresh = 0;
  let refreshTimer = null;
  let settleTimer = null;
  let refreshing = null;
  let refreshAgain = false;
  let reachable = true;

  const $ = id => document.getElementById(id);

  // ---------- small helpers ----------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  const number = new Intl.NumberFormat();
  const fmt = n => number.format(n);
  const pct = (x, digits = 1) => (x * 100).toFixed(digits).replace(/\.0+$/, '') + '%';
  const signed = n => (n > 0 ? '+' : n < 0 ? '−' : '±') + fmt(Math.abs(n));

  function safeUrl(url) {
    if (!url) return null;
    try {
      const parsed = new URL(url, location.href);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function sectorOf(id) {
    return data.sectors.find(s => s.id === id) || { id, zh: id, en: '', color: '#888' };
  }

  /** The start of the UTC bucket containing {@code t} (weeks start on Monday), in epoch milliseconds. */
  function bucketStart(t, granularity) {
    if (granularity === 'hour') return Math.floor(t / HOUR) * HOUR;
    const day = Math.floor(t / DAY) * DAY;
    if (granularity === 'day') return day;
    const weekday = new Date(day).getUTCDay();
    return day - ((weekday + 6) % 7) * DAY;
  }

  function bucketLabel(t, granularity) {
    const d = new Date(t);
    if (granularity === 'hour') {
      return d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    }
    const date = d.toLocaleDateString(undefined, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
    return granularity === 'week' ? 'week of ' + date : date;
  }

  function axisLabel(t, granularity) {
    const d = new Date(t);
    if (granularity === 'hour') {
      return d.toLocaleString(undefined, { month: 'numeric', day: 'numeric', hour: '2-digit' });
    }
    return d.toLocaleDateString(undefined, { timeZone: 'UTC', month: 'short', day: 'numeric' });
  }

  function localTime(iso) {
    const d = new Date(iso);
    return isNaN(d) ? '' : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }

  // ---------- the API ----------

  class ApiError extends Error {
  }

  /** GET a JSON endpoint; null when the server does not have it (404), an ApiError for other failures. */
  async function api(path) {
    const endpoint = path.split('?')[0];
    if (missing.has(endpoint)) return null;
    let response;
    try {
      response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    } catch (e) {
      throw new ApiError('cannot reach the trendwatch server (' + e.message + ')');
    }
    if (response.status === 404) {
      missing.add(endpoint);
      return null;
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const reason = body && body.error ? body.error : 'HTTP ' + response.status;
      throw new ApiError(endpoint + ': ' + reason);
    }
    return body;
  }

  function rangeFrom(now) {
    const span = RANGE[state.range];
    return span == null ? null : bucketStart(now - span, state.granularity);
  }

  async function loadSectors() {
    const sectors = await api('api/sectors');
    data.sectors = (sectors || []).map((s, i) => ({ ...s, color: sectorColor(i) }));
  }

  async function loadTrends(now) {
    const from = rangeFrom(now);
    // up to now: one article dated years ahead must not stretch every viewer's chart into the future
    const query = 'api/trends?granularity=' + state.granularity + (from == null ? '' : '&from=' + iso(from))
      + '&to=' + iso(now);
    data.trends = (await api(query)) || [];
  }

  async function loadSummary(now) {
    const summary = await api('api/summary?granularity=' + state.granularity);
    const rows = summary || await summaryFromTrends(now);
    data.summary = new Map(rows.map(row => [row.sector, row]));
  }

  /** For a server without /api/summary: the current and previous bucket, from /api/trends. */
  async function summaryFromTrends(now) {
    const g = state.granularity;
    const current = bucketStart(now, g);
    const previous = bucketStart(current - 1, g);
    const counts = (await api('api/trends?granularity=' + g + '&from=' + iso(previous))) || [];
    const at = (sector, start) => counts.find(c => c.sector === sector && Date.parse(c.bucketStart) === start);
    const total = counts.filter(c => Date.parse(c.bucketStart) === current).reduce((a, c) => a + c.paragraphs, 0);
    return data.sectors.map(s => {
      const here = at(s.id, current);
      const before = at(s.id, previous);
      const paragraphs = here ? here.paragraphs : 0;
      const prev = before ? before.paragraphs : 0;
      const change = paragraphs - prev;
      const changePercent = prev === 0 ? null : change / prev * 100;
      const status = change > 0 && (prev === 0 || change / prev >= 0.1) ? 'rising'
        : change < 0 && -change / prev >= 0.1 ? 'falling' : 'steady';
      return {
        sector: s.id, granularity: g, bucketStart: iso(current), paragraphs, articles: here ? here.articles : 0,
        share: total ? paragraphs / total : 0, previous: prev, change, changePercent, zScore: null, status
      };
    });
  }

  async function loadBursts() {
    const bursts = await api('api/bursts?limit=10');
    data.bursts = bursts;
  }

  async function loadParagraphs() {
    if (!state.selected) return;
    const sector = state.selected;
    const list = (await api('api/paragraphs?sector=' + encodeURIComponent(sector) + '&limit=' + PARAGRAPHS_SHOWN)) || [];
    if (sector === state.selected) data.paragraphs = list;
  }

  /** Whether anything was ever counted, asked only when the current view has nothing to show. */
  async function loadEverCounted() {
    if (data.trends.length || [...data.summary.values()].some(s => s.paragraphs > 0)) {
      data.everCounted = true;
      return;
    }
    const weeks = (await api('api/trends?granularity=week')) || [];
    data.everCounted = weeks.some(c => c.paragraphs > 0);
  }

  function iso(t) {
    return new Date(t).toISOString().replace('.000Z', 'Z');
  }

  // ---------- refreshing ----------

  /** Reloads and redraws; a call during a refresh runs once more after it, so no change of settings is lost. */
  async function refresh({ paragraphs = true } = {}) {
    if (refreshing) {
      refreshAgain = true;
      return refreshing;
    }
    refreshing = (async () => {
      const now = Date.now();
      try {
        if (!data.sectors.length) await loadSectors();
        await Promise.all([loadTrends(now), loadSummary(now), loadBursts().catch(() => { data.bursts = null; })]);
        await loadEverCounted();
        const selected = state.selected;
        if (!data.sectors.some(s => s.id === state.selected)) state.selected = defaultSector();
        if (paragraphs || state.selected !== selected) await loadParagraphs();
        reachable = true;
        showError(null);
        render();
        $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
      } catch (e) {
        reachable = false;
        showError(e instanceof ApiError ? e.message : 'Something went wrong: ' + e.message);
      } finally {
        lastRefresh = Date.now();
        refreshing = null;
        showLive();
      }
      if (refreshAgain) {
        refreshAgain = false;
        await refresh({ paragraphs: false });
      }
    })();
    return refreshing;
  }

  /**
   * At most one refresh per LIVE_MIN_GAP_MS while paragraphs stream in, and one more a few seconds after the
   * last of them: the counts are aggregated a moment after the paragraph is published. That last one reloads the
   * paragraphs too: the stream brings a changed article's new paragraphs but not which of its earlier ones they
   * replaced (those may have no label now, and unlabeled paragraphs are not streamed); the server's list knows.
   */
  function scheduleRefresh() {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => refresh(), 3 * LIVE_MIN_GAP_MS);
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      refresh({ paragraphs: false });
    }, LIVE_MIN_GAP_MS);
  }

  /** The sector with most paragraphs now; none before anything was counted, so no card looks chosen. */
  function defaultSector() {
    if (!data.everCounted) return null;
    const ranked = data.sectors.slice().sort((a, b) => paragraphsNow(b.id) - paragraphsNow(a.id));
    return ranked.length ? ranked[0].id : null;
  }

  function paragraphsNow(sector) {
    const row = data.summary.get(sector);
    return row ? row.paragraphs : 0;
  }

  function showError(message) {
    const box = $('error');
    box.hidden = !message;
    box.textContent = message || '';
  }

  // ---------- live updates ----------

  function showLive() {
    const box = $('live');
    const [mode, text] = !reachable ? ['down', 'server unreachable — retrying']
      : live && live.readyState === EventSource.OPEN ? ['on', 'live']
        : pollTimer ? ['polling', 'refreshing every ' + POLL_MS / 1000 + ' s'] : ['', 'connecting…'];
    box.classList.remove('on', 'polling', 'down');
    if (mode) box.classList.add(mode);
    $('live-text').textContent = text;
  }

  function connect() {
    if (!window.EventSource || missing.has('api/stream')) {
      startPolling();
      return;
    }
    live = new EventSource('api/stream');
    live.addEventListener('open', () => {
      stopPolling();
      showLive();
    });
    live.addEventListener('paragraph', event => onParagraph(event.data));
    live.addEventListener('error', () => {
      // A closed stream (the server has none, or refused it) is not retried by the browser: poll instead.
      // A stream that is reconnecting by itself is polled meanwhile, so no update is missed.
      if (live.readyState === EventSource.CLOSED) {
        live = null;
        missing.add('api/stream');
      }
      startPolling();
    });
  }

  function onParagraph(json) {
    let paragraph;
    try {
      paragraph = JSON.parse(json);
    } catch (e) {
      return;
    }
    scheduleRefresh();
    if (state.selected && (paragraph.labels || []).some(l => l.sector === state.selected)) {
      const key = paragraphKey(paragraph);
      data.paragraphs = [paragraph, ...data.paragraphs.filter(p => paragraphKey(p) !== key)].slice(0, PARAGRAPHS_SHOWN);
      renderParagraphs(key);
    }
  }

  function startPolling() {
    if (!pollTimer) pollTimer = setInterval(() => refresh(), POLL_MS);
    showLive();
  }

  function stopPolling() {
    if (pollTimer) clearInterval(pollTimer);
    pollTimer = null;
  }

  // ---------- rendering ----------

  function render() {
    const counted = data.everCounted;
    $('empty').hidden = counted;
    renderCards();
    renderChart();
    renderParagraphs();
    renderBursts();
  }

  function renderCards() {
    const cards = $('cards');
    const g = state.granularity;
    $('cards-hint').textContent = '— labeled paragraphs ' + BUCKET_NAME[g] + ', against ' + PREVIOUS_NAME[g];
    // the buttons stay (keeping focus and listeners); only their contents change
    const existing = new Map([...cards.querySelectorAll('.card')].map(c => [c.dataset.sector, c]));
    cards.replaceChildren(...data.sectors.map(sector =>
      fillCard(existing.get(sector.id) || newCard(sector), sector, data.summary.get(sector.id))));
    cards.setAttribute('aria-busy', 'false');
    if (!data.sectors.length) cards.replaceChildren(el('p', 'loading', 'This server lists no sectors.'));
  }

  function newCard(sector) {
    const button = el('button', 'card');
    button.type = 'button';
    button.dataset.sector = sector.id;
    button.addEventListener('click', () => select(sector.id));
    return button;
  }

  function fillCard(button, sector, row) {
    row = row || { paragraphs: 0, articles: 0, share: 0, previous: 0, change: 0, changePercent: null, status: 'steady' };
    const status = STATUS_ARROW[row.status] ? row.status : 'steady';
    button.classList.toggle('zero', !row.paragraphs);
    button.style.setProperty('--accent', sector.color);
    button.setAttribute('aria-pressed', String(sector.id === state.selected));
    button.title = sector.description || '';

    const head = el('span', 'head');
    const badge = el('span', 'status ' + status, STATUS_ARROW[status] + ' ' + status);
    if (typeof row.zScore === 'number' && isFinite(row.zScore)) {
      badge.title = 'z-score ' + row.zScore.toFixed(1) + ' against the sector\'s trailing baseline';
    }
    head.append(el('span', 'zh', sector.zh), badge);
    const figure = el('span', 'figure');
    const count = el('span', 'count', fmt(row.paragraphs));
    count.dataset.count = String(row.paragraphs);
    figure.append(count, el('span', 'unit', row.paragraphs === 1 ? 'paragraph' : 'paragraphs'));

    const change = el('span', 'change ' + (row.change > 0 ? 'up' : row.change < 0 ? 'down' : 'flat'));
    const percent = row.changePercent == null ? (row.change > 0 ? ' (new)' : '')
      : ' (' + (row.changePercent > 0 ? '+' : '') + Math.round(row.changePercent) + '%)';
    change.append(signed(row.change || 0) + percent, el('span', 'vs', ' vs ' + PREVIOUS_NAME[state.granularity]));

    const meta = [fmt(row.articles) + (row.articles === 1 ? ' article' : ' articles'), pct(row.share || 0) + ' share'];
    button.replaceChildren(head, el('span', 'en', sector.en), figure, change, el('span', 'meta', meta.join(' · ')));
    button.setAttribute('aria-label', sector.zh + ' ' + sector.en + ': ' + row.paragraphs + ' paragraphs '
      + BUCKET_NAME[state.granularity] + ', ' + status);
    return button;
  }

  function select(sector) {
    if (sector === state.selected) return;
    state.selected = sector;
    data.paragraphs = [];
    saveState();
    document.querySelectorAll('.card').forEach(c => c.setAttribute('aria-pressed', String(c.dataset.sector === sector)));
    renderChart();
    renderParagraphs();
    $('paragraphs').setAttribute('aria-busy', 'true');
    loadParagraphs()
      .then(() => renderParagraphs())
      .catch(e => showError(e.message))
      .finally(() => $('paragraphs').setAttribute('aria-busy', 'false'));
  }

  /**
   * Every bucket of the range up to now, so a sector's line goes through zero where it has no count; the last
   * MAX_POINTS at most (chartCut says so), counted back from now rather than walked from the range's start.
   */
  function buckets() {
    const g = state.granularity;
    const now = Date.now();
    const end = bucketStart(now, g);
    const starts = data.trends.map(t => Date.parse(t.bucketStart));
    let start = rangeFrom(now);
    if (start == null) start = starts.length ? Math.min(...starts) : end;
    const earliest = end - (MAX_POINTS - 1) * UNIT[g];
    chartCut = start < earliest;
    const out = [];
    for (let t = Math.max(start, earliest); t <= end; t = nextBucket(t, g)) out.push(t);
    return out;
  }

  function nextBucket(t, g) {
    return t + UNIT[g];
  }

  function renderChart() {
    const box = $('chart');
    const emptyNote = $('chart-empty');
    const hasData = data.trends.some(t => t.paragraphs > 0);
    const g = state.granularity;
    $('chart-hint').textContent = (state.measure === 'share' ? 'share of labeled paragraphs' : 'labeled paragraphs')
      + ' per ' + g + (g === 'hour' ? ' (local time)' : ' (UTC)');
    if (!hasData) {
      emptyNote.textContent = data.everCounted
        ? 'Nothing was counted in this range. Try a longer range or another bucket size.'
        : 'The chart appears with the first labeled article.';
    }
    emptyNote.hidden = hasData;
    box.hidden = !hasData;
    if (!hasData || !window.echarts) return;
    if (!chart) {
      chart = echarts.init(box, null, { renderer: 'canvas' });
      new ResizeObserver(() => chart.resize()).observe(box);
    }
    chart.setOption(chartOption(), { notMerge: true });
    if (chartCut) {
      $('chart-hint').textContent += ', the last ' + MAX_POINTS + ' ' + g + 's: a longer bucket shows the whole range';
    }
  }

  function chartOption() {
    const g = state.granularity;
    const share = state.measure === 'share';
    const times = buckets();
    const index = new Map(times.map((t, i) => [t, i]));
    const totals = new Array(times.length).fill(0);
    data.trends.forEach(t => {
      const i = index.get(Date.parse(t.bucketStart));
      if (i !== undefined) totals[i] += t.paragraphs;
    });
    const series = data.sectors.map(sector => {
      const values = new Array(times.length).fill(0);
      data.trends.filter(t => t.sector === sector.id).forEach(t => {
        const i = index.get(Date.parse(t.bucketStart));
        if (i === undefined) return;
        const fraction = typeof t.share === 'number' ? t.share : totals[i] ? t.paragraphs / totals[i] : 0;
        values[i] = share ? Math.round(fraction * 1000) / 10 : t.paragraphs;
      });
      const selected = sector.id === state.selected;
      // zeros are drawn as line only, so the buckets with counts stand out
      const points = values.map(v => (v === 0 ? { value: 0, symbol: 'none' } : v));
      return {
        id: sector.id, name: sector.zh, type: 'line', data: points, itemStyle: { color: sector.color },
        showSymbol: times.length <= 90, symbolSize: selected ? 8 : 6, smooth: false, connectNulls: true,
        z: selected ? 3 : 2,
        lineStyle: { color: sector.color, width: selected ? 3.2 : 1.8, opacity: state.selected && !selected ? 0.7 : 1 },
        areaStyle: selected ? { opacity: 0.12 } : undefined,
        emphasis: { focus: 'series' }
      };
    });
    const unit = share ? '%' : '';
    const slider = times.length > 120;
    return {
      animationDuration: 400,
      color: data.sectors.map(s => s.color),
      textStyle: { fontFamily: getComputedStyle(document.documentElement).fontFamily },
      grid: { left: 8, right: 40, top: 40, bottom: slider ? 48 : 8, containLabel: true },
      legend: { type: 'scroll', top: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8 },
      tooltip: {
        trigger: 'axis', confine: true,
        formatter: params => tooltip(params, times, g, unit)
      },
      xAxis: {
        type: 'category', boundaryGap: false, data: times,
        axisLabel: { formatter: value => axisLabel(Number(value), g), hideOverlap: true, color: '#5d6678' },
        axisLine: { lineStyle: { color: '#c4cad6' } }
      },
      yAxis: {
        type: 'value', minInterval: share ? 0 : 1,
        axisLabel: { formatter: '{value}' + unit, color: '#5d6678' },
        splitLine: { lineStyle: { color: '#edf0f4' } }
      },
      dataZoom: slider ? [{ type: 'slider', bottom: 8, height: 22, start: 0, end: 100 }] : [],
      series
    };
  }

  /** The tooltip as text lines: ECharts puts a string formatter's result into the DOM as HTML. */
  function tooltip(params, times, g, unit) {
    if (!params.length) return '';
    const lines = [escapeHtml(bucketLabel(times[params[0].dataIndex], g))];
    params.slice().sort((a, b) => b.value - a.value).forEach(p => {
      const sector = sectorOf(p.seriesId);
      lines.push(p.marker + escapeHtml(sector.zh + ' ' + sector.en) + ': <b>' + escapeHtml(fmt(p.value)) + unit + '</b>');
    });
    return lines.join('<br>');
  }

  function escapeHtml(text) {
    const span = document.createElement('span');
    span.textContent = text;
    return span.innerHTML;
  }

  function paragraphKey(p) {
    return p.articleId + ':' + p.index;
  }

  function renderParagraphs(freshKey) {
    const list = $('paragraphs');
    const note = $('paragraphs-empty');
    const sector = state.selected ? sectorOf(state.selected) : null;
    $('paragraphs-sector').textContent = sector ? sector.zh + ' · ' + sector.en : '';
    list.replaceChildren(...data.paragraphs.map(p => paragraphItem(p, freshKey)));
    note.hidden = data.paragraphs.length > 0;
    note.textContent = !sector ? 'Select a sector to read the paragraphs behind its count.'
      : 'No paragraphs about ' + sector.en + ' yet. New ones appear here as they are labeled.';
  }

  function paragraphItem(p, freshKey) {
    const item = el('li', 'para' + (paragraphKey(p) === freshKey ? ' fresh' : ''));
    item.dataset.key = paragraphKey(p);
    const labels = p.labels || [];
    const label = labels.find(l => l.sector === state.selected);
    const text = el('p', 'text');
    text.lang = p.lang || '';
    text.append(...highlighted(p.text || '', label ? label.hits || [] : []));

    const tags = el('div', 'tags');
    if (label) {
      tags.append(el('span', 'tag score', 'score ' + Number(label.score).toFixed(2)));
      if (label.context) {
        const from = label.context === 'section' ? 'from its section heading' : 'from the paragraphs around it';
        const terms = (label.evidence || []).slice(0, 4).join(', ');
        tags.append(el('span', 'tag context', 'labeled ' + from + (terms ? ': ' + terms : '')));
      }
    }
    const others = labels.filter(l => l.sector !== state.selected).map(l => sectorOf(l.sector).zh);
    if (others.length) tags.append(el('span', null, 'also ' + others.join(' · ')));

    item.append(text, tags, sourceLine(p));
    return item;
  }

  /** The text as nodes, each hit of the sector's evidence terms wrapped in a mark. */
  function highlighted(text, hits) {
    const spans = hits
      .filter(h => Number.isInteger(h.start) && Number.isInteger(h.end) && h.start >= 0 && h.end <= text.length
        && h.start < h.end)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const nodes = [];
    let at = 0;
    spans.forEach(h => {
      if (h.start < at) return; // overlaps the previous mark
      if (h.start > at) nodes.push(document.createTextNode(text.substring(at, h.start)));
      const mark = el('mark', null, text.substring(h.start, h.end));
      mark.title = h.term || '';
      nodes.push(mark);
      at = h.end;
    });
    if (at < text.length) nodes.push(document.createTextNode(text.substring(at)));
    return nodes;
  }

  function sourceLine(p) {
    const line = el('div', 'source');
    const href = safeUrl(p.url);
    const title = p.title || (href ? new URL(href).hostname : 'untitled article');
    if (href) {
      const link = el('a', 'title', title);
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      line.append(link);
    } else {
      line.append(el('span', 'title', title));
    }
    const parts = [];
    if (p.source) parts.push([p.source.type, p.source.id].filter(Boolean).join(' · '));
    const when = p.publishedAt || p.fetchedAt;
    const whenText = when ? localTime(when) : '';
    if (typeof p.index === 'number') parts.push('¶ ' + (p.index + 1));
    line.append(document.createTextNode(parts.length ? ' — ' + parts.join(' — ') : ''));
    if (whenText) {
      const time = el('time', null, whenText);
      time.dateTime = when;
      time.title = (p.publishedAt ? 'published ' : 'first seen ') + when;
      line.append(document.createTextNode(' — ' + (p.publishedAt ? '' : 'seen ')), time);
    }
    return line;
  }

  function renderBursts() {
    const list = $('bursts');
    const note = $('bursts-empty');
    const bursts = Array.isArray(data.bursts) ? data.bursts : [];
    list.replaceChildren(...bursts.map(burstItem));
    note.hidden = bursts.length > 0;
    note.textContent = data.bursts === null && missing.has('api/bursts')
      ? 'This server does not report bursts.' : 'No bursts detected yet.';
  }

  function burstItem(b) {
    const sector = sectorOf(b.sector);
    const item = el('li', 'burst');
    item.style.setProperty('--accent', sector.color);
    const name = el('button', null, '▲ ' + sector.zh);
    name.type = 'button';
    name.title = 'Show ' + sector.en;
    name.addEventListener('click', () => select(sector.id));
    const numbers = [];
    if (b.bucketStart) numbers.push(bucketLabel(Date.parse(b.bucketStart), b.granularity || 'day'));
    if (typeof b.paragraphs === 'number') numbers.push(fmt(b.paragraphs) + ' paragraphs');
    if (typeof b.baseline === 'number') numbers.push('baseline ' + b.baseline.toFixed(1));
    if (typeof b.zScore === 'number') numbers.push('z ' + b.zScore.toFixed(1));
    item.append(name, el('span', 'numbers', ' ' + sector.en + ' — ' + numbers.join(' · ')));
    const evidence = (b.evidence || []).slice(0, 3);
    if (evidence.length) {
      const ul = el('ul');
      evidence.forEach(e => {
        const li = el('li');
        const href = safeUrl(e.url);
        const title = e.title || 'untitled article';
        if (href) {
          const a = el('a', null, title);
          a.href = href;
          a.target = '_blank';
          a.rel = 'noopener noreferrer';
          li.append(a);
        } else {
          li.append(el('span', 'title', title));
        }
        if (e.text) li.append(el('q', null, e.text.length > 120 ? e.text.slice(0, 119) + '…' : e.text));
        ul.append(li);
      });
      item.append(ul);
    }
    return item;
  }

  // ---------- controls and state in the address ----------

  function saveState() {
    const params = new URLSearchParams({ g: state.granularity, r: state.range, m: state.measure });
    if (state.selected) params.set('s', state.selected);
    history.replaceState(null, '', '#' + params);
  }

  function loadState() {
    const params = new URLSearchParams(location.hash.slice(1));
    if (UNIT[params.get('g')]) state.granularity = params.get('g');
    if (params.get('r') in RANGE) state.range = params.get('r');
    if (['absolute', 'share'].includes(params.get('m'))) state.measure = params.get('m');
    if (params.get('s')) state.selected = params.get('s');
  }

  function syncControls() {
    document.querySelectorAll('[data-granularity]').forEach(b =>
      b.setAttribute('aria-pressed', String(b.dataset.granularity === state.granularity)));
    document.querySelectorAll('[data-measure]').forEach(b =>
      b.setAttribute('aria-pressed', String(b.dataset.measure === state.measure)));
    $('range').value = state.range;
  }

  function wireControls() {
    document.querySelectorAll('[data-granularity]').forEach(b => b.addEventListener('click', () => {
      state.granularity = b.dataset.granularity;
      changed(true);
    }));
    document.querySelectorAll('[data-measure]').forEach(b => b.addEventListener('click', () => {
      state.measure = b.dataset.measure;
      changed(false);
    }));
    $('range').addEventListener('change', () => {
      state.range = $('range').value;
      changed(true);
    });
  }

  function changed(reload) {
    syncControls();
    saveState();
    if (reload) refresh({ paragraphs: false });
    else renderChart();
  }

  function start() {
    loadState();
    syncControls();
    wireControls();
    if (!window.echarts) showError('The chart library did not load; the cards and paragraphs still work.');
    refresh().then(connect);
    setInterval(() => {
      if (!pollTimer && Date.now() - lastRefresh > BACKGROUND_REFRESH_MS / 2) refresh({ paragraphs: false });
    }, BACKGROUND_REFRESH_MS);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
