/* presslens explorer: term plot, article map and filters over the data embedded in this page.
   Corpus data is shown only through textContent; nothing here builds HTML from data. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("explorer-data").textContent);
  var M = D.meta, P = D.points, T = D.terms, R = D.reading;
  var nPoints = P.x.length, nTerms = T.term.length;
  var PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5"];
  var WORD = "[\\p{L}\\p{N}_]";
  // the token rules of presslens.text.tokenize (TOKEN_PATTERN, possessives, pseudonyms removed)
  var TOKEN = /[£$€]?[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+|(?<=\p{N})[.,]\p{N}[\p{L}\p{N}]*|(?<=(?:^|[^\p{L}\p{N}_])\p{L})\.\p{L}(?![\p{L}\p{N}_]))*/gu;
  var POSSESSIVE = /'s$/;
  var PSEUDONYM = /\bPerson [BDFGKLMNPRSTVZ][aeiou](?:[bdfgklmnprstvz][aeiou]){4,19}\b/g;
  var KWIC_WINDOW = 8, KWIC_SHOWN = 200;

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function fmt(n) { return Number(n).toLocaleString("en-GB"); }

  var groupA = M.groups[0], groupB = M.groups[1];
  var termIndex = new Map();
  for (var t = 0; t < nTerms; t++) { termIndex.set(T.term[t], t); }
  var clusterName = new Map(D.clusters.map(function (c) { return [c.id, c.id + ": " + c.name]; }));

  /* ---------------------------------------------------------------- state and filters */
  var years = [];
  for (var y = M.years[0]; y <= M.years[1]; y++) { years.push(y); }
  var state = {
    yearFrom: M.years[0], yearTo: M.years[1],
    types: new Set(D.types.map(function (_, i) { return i; })),
    clusters: new Set(D.clusters.map(function (c) { return c.id; })),
    frames: new Set(D.frames.map(function (_, i) { return i; })),
    colourBy: "cluster", selected: -1, visible: new Uint8Array(nPoints), visibleCount: 0,
    counts: null
  };

  function filtersActive() {
    return state.yearFrom !== M.years[0] || state.yearTo !== M.years[1] || state.types.size !== D.types.length ||
      state.clusters.size !== D.clusters.length || state.frames.size !== D.frames.length;
  }

  function computeVisible() {
    var count = 0;
    for (var i = 0; i < nPoints; i++) {
      var show = P.year[i] >= state.yearFrom && P.year[i] <= state.yearTo && state.types.has(P.type[i]) &&
        state.clusters.has(P.cluster[i]) && state.frames.has(P.frame[i]);
      state.visible[i] = show ? 1 : 0;
      count += show ? 1 : 0;
    }
    state.visibleCount = count;
  }

  function checkboxes(fieldset, items, set, label) {
    items.forEach(function (item) {
      var box = el("input");
      box.type = "checkbox"; box.checked = true; box.value = String(item.value);
      box.addEventListener("change", function () {
        if (box.checked) { set.add(item.value); } else { set.delete(item.value); }
        update();
      });
      var wrap = el("label");
      wrap.appendChild(box);
      wrap.appendChild(document.createTextNode(" " + label(item)));
      fieldset.appendChild(wrap);
    });
  }

  function buildFilters() {
    ["year-from", "year-to"].forEach(function (id, end) {
      var select = $(id);
      years.forEach(function (year) { var option = el("option", year); option.value = String(year); select.appendChild(option); });
      select.value = String(end ? M.years[1] : M.years[0]);
      select.addEventListener("change", function () {
        state.yearFrom = Math.min(+$("year-from").value, +$("year-to").value);
        state.yearTo = Math.max(+$("year-from").value, +$("year-to").value);
        update();
      });
    });
    $("type-legend").textContent = M.type_column.replace(/_/g, " ");
    var present = { frames: new Set(P.frame), types: new Set(P.type) };
    checkboxes($("type-filter"), D.types.map(function (name, i) { return { value: i, name: name }; }).filter(function (x) { return present.types.has(x.value); }),
      state.types, function (x) { return x.name; });
    checkboxes($("cluster-filter"), D.clusters.map(function (c) { return { value: c.id }; }), state.clusters, function (x) { return clusterName.get(x.value); });
    checkboxes($("frame-filter"), D.frames.map(function (name, i) { return { value: i, name: name }; }), state.frames, function (x) { return x.name; });
    $("reset").addEventListener("click", function () {
      state.yearFrom = M.years[0]; state.yearTo = M.years[1];
      $("year-from").value = String(M.years[0]); $("year-to").value = String(M.years[1]);
      D.types.forEach(function (_, i) { state.types.add(i); });
      D.clusters.forEach(function (c) { state.clusters.add(c.id); });
      D.frames.forEach(function (_, i) { state.frames.add(i); });
      Array.prototype.forEach.call(document.querySelectorAll("#filters input[type=checkbox]"), function (box) { box.checked = true; });
      update();
    });
    $("colour-by").addEventListener("change", function () { state.colourBy = $("colour-by").value; drawMap(); });
  }

  /* ---------------------------------------------------------------- term counts */
  var articleTerms = null; // per embedded article: Int32Array of [term, count, term, count ...]

  function tokenCounts(text) {
    var counts = new Map(), lowered = text.replace(PSEUDONYM, " ").toLowerCase().replace(/\u2019/g, "'"), match;
    TOKEN.lastIndex = 0;
    while ((match = TOKEN.exec(lowered)) !== null) {
      var index = termIndex.get(match[0].replace(POSSESSIVE, ""));
      if (index !== undefined) { counts.set(index, (counts.get(index) || 0) + 1); }
    }
    var flat = new Int32Array(counts.size * 2), k = 0;
    counts.forEach(function (n, index) { flat[k++] = index; flat[k++] = n; });
    return flat;
  }

  function ensureArticleTerms() {
    if (articleTerms) { return; }
    articleTerms = R.map(function (article) { return tokenCounts(article.text); });
  }

  function fightinWords(ya, yb) {
    var na = 0, nb = 0, base = 0, i;
    for (i = 0; i < nTerms; i++) { na += ya[i]; nb += yb[i]; base += ya[i] + yb[i] + 1e-9; }
    var alphas = new Float64Array(nTerms), a0 = 0;
    for (i = 0; i < nTerms; i++) { alphas[i] = M.alpha0 * (ya[i] + yb[i] + 1e-9) / base; a0 += alphas[i]; }
    var z = new Float64Array(nTerms);
    for (i = 0; i < nTerms; i++) {
      var al = alphas[i];
      var delta = Math.log((ya[i] + al) / (na + a0 - ya[i] - al)) - Math.log((yb[i] + al) / (nb + a0 - yb[i] - al));
      z[i] = delta / Math.sqrt(1 / (ya[i] + al) + 1 / (yb[i] + al));
    }
    return { a: ya, b: yb, z: z, tokens: [na, nb] };
  }

  /* counts and z of the embedded articles that pass the filters (all embedded articles with everything=true) */
  function countEmbedded(everything) {
    ensureArticleTerms();
    var ya = new Float64Array(nTerms), yb = new Float64Array(nTerms), articles = [0, 0];
    for (var i = 0; i < nPoints; i++) {
      var r = P.read[i], side = P.side[i];
      if (r < 0 || side > 1 || (!everything && !state.visible[i])) { continue; }
      articles[side] += 1;
      var target = side === 0 ? ya : yb, flat = articleTerms[r];
      for (var k = 0; k < flat.length; k += 2) { target[flat[k]] += flat[k + 1]; }
    }
    var result = fightinWords(ya, yb);
    result.articles = articles;
    return result;
  }

  function fullCounts() {
    return { a: T.a, b: T.b, z: T.z, tokens: M.tokens, articles: null };
  }

  /* ---------------------------------------------------------------- term plot */
  var termCanvas = $("term-plot"), termContext = termCanvas.getContext("2d");
  var termXY = new Float32Array(nTerms * 2), termShown = new Uint8Array(nTerms), matches = new Set();
  var PAD = 40;

  function zColour(z) {
    var s = Math.max(-1, Math.min(1, z / 4)), grey = 190;
    if (s >= 0) { return "rgb(" + Math.round(grey + (214 - grey) * s) + "," + Math.round(grey - (grey - 39) * s) + "," + Math.round(grey - (grey - 40) * s) + ")"; }
    s = -s;
    return "rgb(" + Math.round(grey - (grey - 31) * s) + "," + Math.round(grey - (grey - 119) * s) + "," + Math.round(grey + (180 - grey) * s) + ")";
  }

  function drawTerms() {
    var c = state.counts, w = termCanvas.width, h = termCanvas.height, ctx = termContext, i;
    ctx.clearRect(0, 0, w, h);
    var na = Math.max(c.tokens[0], 1), nb = Math.max(c.tokens[1], 1);
    var lo = Infinity, hi = -Infinity, xs = new Float64Array(nTerms), ys = new Float64Array(nTerms);
    for (i = 0; i < nTerms; i++) {
      termShown[i] = c.a[i] + c.b[i] > 0 ? 1 : 0;
      if (!termShown[i]) { continue; }
      xs[i] = Math.log10((c.b[i] + 0.5) / nb * 10000);
      ys[i] = Math.log10((c.a[i] + 0.5) / na * 10000);
      lo = Math.min(lo, xs[i], ys[i]); hi = Math.max(hi, xs[i], ys[i]);
    }
    if (!isFinite(lo)) { lo = 0; hi = 1; }
    if (hi - lo < 1e-9) { hi = lo + 1; }
    var scale = function (v) { return (v - lo) / (hi - lo); };
    ctx.strokeStyle = "#ddd"; ctx.beginPath(); ctx.moveTo(PAD, h - PAD); ctx.lineTo(w - 10, 10); ctx.stroke();
    ctx.fillStyle = "#444"; ctx.font = "12px sans-serif";
    ctx.fillText("frequency in " + groupB + " (per 10,000 words, log scale) \u2192", PAD, h - 12);
    ctx.save(); ctx.translate(14, h - PAD); ctx.rotate(-Math.PI / 2);
    ctx.fillText("frequency in " + groupA + " (per 10,000 words, log scale) \u2192", 0, 0); ctx.restore();
    var order = [];
    for (i = 0; i < nTerms; i++) { if (termShown[i]) { order.push(i); } }
    order.sort(function (p, q) { return Math.abs(c.z[p]) - Math.abs(c.z[q]); }); // strong terms drawn last, on top
    order.forEach(function (j) {
      var x = PAD + scale(xs[j]) * (w - PAD - 10), yy = h - PAD - scale(ys[j]) * (h - PAD - 10);
      termXY[2 * j] = x; termXY[2 * j + 1] = yy;
      ctx.fillStyle = zColour(c.z[j]);
      ctx.fillRect(x - 2, yy - 2, 4, 4);
    });
    ctx.lineWidth = 2;
    matches.forEach(function (j) {
      if (!termShown[j]) { return; }
      ctx.strokeStyle = "#000"; ctx.beginPath(); ctx.arc(termXY[2 * j], termXY[2 * j + 1], 5, 0, 2 * Math.PI); ctx.stroke();
    });
    if (state.selected >= 0 && termShown[state.selected]) {
      var sx = termXY[2 * state.selected], sy = termXY[2 * state.selected + 1];
      ctx.strokeStyle = "#e6007e"; ctx.beginPath(); ctx.arc(sx, sy, 8, 0, 2 * Math.PI); ctx.stroke();
      ctx.fillStyle = "#000"; ctx.font = "bold 13px sans-serif"; ctx.fillText(T.term[state.selected], Math.min(sx + 10, w - 80), Math.max(sy - 8, 14));
    }
    ctx.lineWidth = 1;
  }

  function nearestTerm(x, y) {
    var best = -1, bestD = 36;
    for (var i = 0; i < nTerms; i++) {
      if (!termShown[i]) { continue; }
      var dx = termXY[2 * i] - x, dy = termXY[2 * i + 1] - y, d = dx * dx + dy * dy;
      if (d < bestD || (d === bestD && best >= 0 && Math.abs(state.counts.z[i]) > Math.abs(state.counts.z[best]))) { bestD = d; best = i; }
    }
    return best;
  }

  function canvasPoint(canvas, event) {
    var box = canvas.getBoundingClientRect();
    return [(event.clientX - box.left) * canvas.width / box.width, (event.clientY - box.top) * canvas.height / box.height, event.clientX - box.left, event.clientY - box.top];
  }

  function termLabel(i) {
    var c = state.counts;
    return T.term[i] + " (" + groupA + " " + fmt(c.a[i]) + ", " + groupB + " " + fmt(c.b[i]) + ", z " + Number(c.z[i]).toFixed(2) + ")";
  }

  function termButton(i, list) {
    var item = el("li"), button = el("button", termLabel(i));
    button.type = "button";
    button.dataset.term = T.term[i];
    if (i === state.selected) { button.className = "selected"; }
    button.addEventListener("click", function () { selectTerm(i); });
    item.appendChild(button);
    list.appendChild(item);
  }

  function showTopTerms() {
    var c = state.counts, order = [];
    for (var i = 0; i < nTerms; i++) { if (c.a[i] + c.b[i] > 0) { order.push(i); } }
    order.sort(function (p, q) { return c.z[q] - c.z[p] || (T.term[p] < T.term[q] ? -1 : 1); });
    $("top-a-title").textContent = "Most typical of " + groupA;
    $("top-b-title").textContent = "Most typical of " + groupB;
    clear($("top-a")); clear($("top-b"));
    order.slice(0, 15).forEach(function (i) { termButton(i, $("top-a")); });
    order.slice(-15).reverse().forEach(function (i) { termButton(i, $("top-b")); });
  }

  function search() {
    var query = $("term-search").value.trim().toLowerCase(), list = $("term-matches");
    clear(list); matches.clear();
    if (query) {
      var found = [];
      for (var i = 0; i < nTerms; i++) {
        var at = T.term[i].indexOf(query);
        if (at >= 0) { found.push([at === 0 ? 0 : 1, -(T.a[i] + T.b[i]), T.term[i], i]); }
      }
      found.sort(function (p, q) { return p[0] - q[0] || p[1] - q[1] || (p[2] < q[2] ? -1 : 1); });
      found.slice(0, 30).forEach(function (f) { matches.add(f[3]); termButton(f[3], list); });
      if (!found.length) { list.appendChild(el("li", "No term contains \u201c" + query + "\u201d.", "note")); }
      else if (found.length > 30) { list.appendChild(el("li", "\u2026 and " + fmt(found.length - 30) + " more: type more letters.", "note")); }
    }
    drawTerms();
  }

  /* ---------------------------------------------------------------- keyword in context */
  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  function kwicPattern(term) {
    var words = term.split(/\s+/).filter(Boolean).map(function (word) { return escapeRegExp(word).replace(/'/g, "['\u2019]"); });
    return new RegExp("(?<!" + WORD + ")" + words.join("\\s+") + "(?!" + WORD + ")", "giu");
  }

  function words(text) { return text.split(/\s+/).filter(Boolean); }

  function kwicLines(term) {
    var pattern = kwicPattern(term), lines = [], articles = 0;
    for (var i = 0; i < nPoints; i++) {
      var r = P.read[i];
      if (r < 0 || !state.visible[i]) { continue; }
      var text = R[r].text, match, found = false;
      pattern.lastIndex = 0;
      while ((match = pattern.exec(text)) !== null) {
        found = true;
        lines.push({ point: i, left: words(text.slice(0, match.index)).slice(-KWIC_WINDOW).join(" "), match: words(match[0]).join(" "),
          right: words(text.slice(match.index + match[0].length)).slice(0, KWIC_WINDOW).join(" ") });
      }
      if (found) { articles += 1; }
    }
    return { lines: lines, articles: articles };
  }

  function showKwic() {
    var body = $("kwic-lines");
    clear(body);
    if (state.selected < 0) { return; }
    var term = T.term[state.selected], found = kwicLines(term);
    $("kwic-title").textContent = "Keyword in context: " + term;
    $("kwic-note").textContent = fmt(found.lines.length) + " lines in " + fmt(found.articles) + " articles" +
      (M.text_sampled ? " (of the " + fmt(M.reading) + " articles whose text is embedded in this page" : " (every article's text is embedded") +
      (filtersActive() ? ", filtered)" : ")") + (found.lines.length > KWIC_SHOWN ? "; the first " + KWIC_SHOWN + " are shown." : ".");
    found.lines.slice(0, KWIC_SHOWN).forEach(function (line) {
      var row = el("tr"), headline = el("td"), link = el("button", P.headline[line.point], "link");
      link.type = "button";
      link.addEventListener("click", function () { showArticle(line.point); });
      headline.appendChild(link);
      row.appendChild(headline);
      row.appendChild(el("td", D.outlets[P.outlet[line.point]]));
      row.appendChild(el("td", P.date[line.point]));
      row.appendChild(el("td", line.left, "left"));
      row.appendChild(el("td", line.match, "match"));
      row.appendChild(el("td", line.right));
      body.appendChild(row);
    });
  }

  function selectTerm(i) {
    state.selected = i;
    Array.prototype.forEach.call(document.querySelectorAll(".chips button"), function (b) { b.className = b.dataset.term === T.term[i] ? "selected" : ""; });
    drawTerms();
    showKwic();
  }

  /* ---------------------------------------------------------------- article map */
  var mapCanvas = $("article-map"), mapContext = mapCanvas.getContext("2d"), mapXY = new Float32Array(nPoints * 2);
  (function layout() {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (var i = 0; i < nPoints; i++) { x0 = Math.min(x0, P.x[i]); x1 = Math.max(x1, P.x[i]); y0 = Math.min(y0, P.y[i]); y1 = Math.max(y1, P.y[i]); }
    var w = mapCanvas.width - 20, h = mapCanvas.height - 20;
    for (var j = 0; j < nPoints; j++) {
      mapXY[2 * j] = 10 + (x1 > x0 ? (P.x[j] - x0) / (x1 - x0) : 0.5) * w;
      mapXY[2 * j + 1] = 10 + (y1 > y0 ? 1 - (P.y[j] - y0) / (y1 - y0) : 0.5) * h;
    }
  })();

  function category(i) {
    if (state.colourBy === "frame") { return P.frame[i]; }
    if (state.colourBy === "type") { return P.type[i]; }
    return P.cluster[i];
  }
  function categoryName(value) {
    if (state.colourBy === "frame") { return D.frames[value]; }
    if (state.colourBy === "type") { return D.types[value]; }
    return clusterName.get(value);
  }
  function colour(value) { return value < 0 ? "#bbbbbb" : PALETTE[((value % PALETTE.length) + PALETTE.length) % PALETTE.length]; }

  function drawMap() {
    var ctx = mapContext;
    ctx.clearRect(0, 0, mapCanvas.width, mapCanvas.height);
    var radius = nPoints > 5000 ? 1.5 : 2.5, seen = new Map();
    ctx.globalAlpha = 0.75;
    for (var i = 0; i < nPoints; i++) {
      if (!state.visible[i]) { continue; }
      var value = category(i);
      seen.set(value, (seen.get(value) || 0) + 1);
      ctx.fillStyle = colour(value);
      ctx.beginPath(); ctx.arc(mapXY[2 * i], mapXY[2 * i + 1], radius, 0, 2 * Math.PI); ctx.fill();
    }
    ctx.globalAlpha = 1;
    var legend = $("legend");
    clear(legend);
    Array.from(seen.keys()).sort(function (p, q) { return p - q; }).forEach(function (value) {
      var item = el("li"), swatch = el("span", null, "swatch");
      swatch.style.background = colour(value);
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(categoryName(value) + " (" + fmt(seen.get(value)) + ")"));
      legend.appendChild(item);
    });
    var count = $("map-count");
    count.textContent = fmt(state.visibleCount) + " of " + fmt(nPoints) + " articles shown";
    count.dataset.visible = String(state.visibleCount);
  }

  function nearestPoint(x, y) {
    var best = -1, bestD = 49;
    for (var i = 0; i < nPoints; i++) {
      if (!state.visible[i]) { continue; }
      var dx = mapXY[2 * i] - x, dy = mapXY[2 * i + 1] - y, d = dx * dx + dy * dy;
      if (d < bestD) { bestD = d; best = i; }
    }
    return best;
  }

  function listOf(title, items, render) {
    var box = el("div");
    box.appendChild(el("h4", title + " (" + items.length + ")"));
    if (!items.length) { box.appendChild(el("p", "none found", "note")); return box; }
    var list = el("ul");
    items.forEach(function (item) { list.appendChild(el("li", render(item))); });
    box.appendChild(list);
    return box;
  }

  function showArticle(i) {
    var panel = $("article");
    clear(panel);
    panel.appendChild(el("h3", P.headline[i], "headline"));
    panel.appendChild(el("p", [D.outlets[P.outlet[i]], D.types[P.type[i]], P.date[i], "cluster " + clusterName.get(P.cluster[i]),
      "dominant frame: " + D.frames[P.frame[i]], "id " + P.doc[i]].join(" \u00b7 "), "note"));
    var r = P.read[i];
    if (r < 0) {
      panel.appendChild(el("p", "This article's text is not embedded in this page: it is outside the random sample of " + fmt(M.reading) +
        " articles whose text fits the page. Find it in the corpus by its id.", "note"));
      return;
    }
    var a = R[r];
    panel.appendChild(listOf("Frames matched", a.frames, function (f) { return f[0] + ": " + Number(f[1]).toFixed(2) + " per 1,000 words (" + f[2] + ")"; }));
    panel.appendChild(listOf("Quotes", a.quotes, function (q) {
      var who = [q[2] || "unattributed", q[3], q[4]].filter(Boolean).join(", ");
      return "\u201c" + a.text.slice(q[0], q[1]) + "\u201d \u2014 " + who + (q[5] ? " [" + q[5] + "]" : "");
    }));
    panel.appendChild(listOf("Numeric claims", a.claims, function (c) {
      return c[0] + " " + c[1] + (c[2] ? " \u2014 source: " + c[2] : " \u2014 unattributed") + (c[3] !== "" ? " (year " + c[3] + ")" : "");
    }));
    var text = el("div", null, "text");
    a.text.split(/\n\s*\n/).forEach(function (paragraph) { if (paragraph.trim()) { text.appendChild(el("p", paragraph)); } });
    panel.appendChild(el("h4", "Text (cleaned of news noise, as analysed)"));
    panel.appendChild(text);
  }

  function tip(box, text, at) {
    if (text === null) { box.hidden = true; return; }
    box.textContent = text;
    box.style.left = Math.min(at[2] + 12, 360) + "px";
    box.style.top = (at[3] + 12) + "px";
    box.hidden = false;
  }

  /* ---------------------------------------------------------------- wiring */
  function describe() {
    var sample = M.sampled ? "The map shows a random sample of " + fmt(M.points) + " of the " + fmt(M.articles) + " articles (seed " + M.random_state + ")" :
      "The map shows all " + fmt(M.articles) + " articles";
    var text = M.text_sampled ? "; the text, frames, quotes and claims of " + fmt(M.reading) + " of them (a random sample that fits " + fmt(M.text_budget) +
      " characters) are embedded, and filtered term counts and keyword-in-context lines come from those " + fmt(M.reading) + " articles. The unfiltered term plot counts every article." :
      "; every article's text is embedded, so filtered term counts and keyword-in-context lines cover every article that passes the filters.";
    $("summary").textContent = fmt(M.articles) + " articles" + (M.source ? " from " + M.source : "") + ". " +
      (M.pseudonymised ? "Names of private individuals are replaced by pseudonyms." : "Names have NOT been pseudonymised.") + (M.note ? " " + M.note : "");
    $("sampling").textContent = sample + text;
    $("terms-title").textContent = "Terms: " + groupA + " against " + groupB + " (" + M.group.replace(/_/g, " ") + ")";
    $("map-note").textContent = "Each dot is an article, placed by the first two principal components of its document vector (TF-IDF reduced by LSA), as in the report's article map; " +
      "distances are approximate. Clusters: " + M.cluster_reason + " Frames: " + M.frame_dictionary + ".";
  }

  function termsNote() {
    var c = state.counts;
    var text = "Every term used at least " + M.min_freq + " times in the two groups (" + fmt(nTerms) + " terms), placed by its frequency in " + groupA +
      " (vertical) and " + groupB + " (horizontal), coloured by its Fightin' Words z (Monroe et al. 2008): red typical of " + groupA + ", blue of " + groupB + ", grey neither. ";
    if (c.articles) {
      text += "Filtered: counts from the " + fmt(c.articles[0]) + " " + groupA + " and " + fmt(c.articles[1]) + " " + groupB + " articles " +
        (M.text_sampled ? "among the embedded sample " : "") + "that pass the filters; z under the same Dirichlet prior, its concentration (\u03b10 = " +
        Number(M.alpha0).toPrecision(4) + ") fitted on the whole corpus.";
      if (!c.articles[0] || !c.articles[1]) { text += " One group has no article under these filters: z compares nothing."; }
    } else {
      text += "Counts from every " + groupA + " and " + groupB + " article (" + fmt(M.tokens[0]) + " and " + fmt(M.tokens[1]) + " words counted).";
    }
    $("terms-note").textContent = text;
  }

  function update() {
    computeVisible();
    state.counts = filtersActive() ? countEmbedded(false) : fullCounts();
    termsNote();
    drawMap();
    showTopTerms();
    search();
    showKwic();
  }

  termCanvas.addEventListener("mousemove", function (event) {
    var at = canvasPoint(termCanvas, event), i = nearestTerm(at[0], at[1]);
    tip($("term-tip"), i >= 0 ? termLabel(i) : null, at);
  });
  termCanvas.addEventListener("mouseleave", function () { $("term-tip").hidden = true; });
  termCanvas.addEventListener("click", function (event) {
    var at = canvasPoint(termCanvas, event), i = nearestTerm(at[0], at[1]);
    if (i >= 0) { selectTerm(i); }
  });
  mapCanvas.addEventListener("mousemove", function (event) {
    var at = canvasPoint(mapCanvas, event), i = nearestPoint(at[0], at[1]);
    tip($("map-tip"), i >= 0 ? P.headline[i] : null, at);
  });
  mapCanvas.addEventListener("mouseleave", function () { $("map-tip").hidden = true; });
  mapCanvas.addEventListener("click", function (event) {
    var at = canvasPoint(mapCanvas, event), i = nearestPoint(at[0], at[1]);
    if (i >= 0) { showArticle(i); }
  });
  $("term-search").addEventListener("input", search);
  $("term-search").addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    event.preventDefault();
    var exact = termIndex.get($("term-search").value.trim().toLowerCase());
    if (exact !== undefined) { selectTerm(exact); }
  });
  document.getElementById("filters").addEventListener("submit", function (event) { event.preventDefault(); });

  describe();
  buildFilters();
  update();
  /* for scripted checks (the browser test): read-only views of what the page computed */
  window.presslensExplorer = {
    meta: M,
    visibleCount: function () { return state.visibleCount; },
    embeddedCounts: function () { var c = countEmbedded(true); return { a: Array.from(c.a), b: Array.from(c.b), z: Array.from(c.z) }; },
    pointPosition: function (docId) {
      var i = P.doc.indexOf(docId), box = mapCanvas.getBoundingClientRect();
      return i < 0 ? null : [box.left + mapXY[2 * i] * box.width / mapCanvas.width, box.top + mapXY[2 * i + 1] * box.height / mapCanvas.height];
    },
    kwic: function (term) { return kwicLines(term).lines.map(function (l) { return [P.doc[l.point], l.left, l.match, l.right]; }); }
  };
})();
