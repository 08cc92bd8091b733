/* THIN Portal self-assessment page: the form, the result per area, the action plan.
 * Scoring, the plan and links are in assessment-core.js (no DOM, tested in Node); this
 * file reads and fills the form, keeps answers in localStorage only (never sent: the
 * only requests are for the site's own JSON), and builds the results with textContent.
 * Without JavaScript the page keeps its links to the printable stage checklists.
 * Every word it shows comes from the form's data-say-* attributes, which the page fills
 * in its own language (`say`), so this file holds no English. */
(function (root) {
  "use strict";
  var core = root.thinAssessment;
  var fetchJson = root.thinFetchJson;
  var form = document.getElementById("assessment-form");
  if (!form || !core || !fetchJson || !root.Promise) { return; }
  var base = form.getAttribute("data-base").replace(/\/$/, "");
  var storageKey = "thin-assessment:" + form.getAttribute("data-storage");
  var message = document.getElementById("assessment-message");
  var results = document.getElementById("assessment-results");
  var status = document.getElementById("assessment-status");
  var scores = document.getElementById("assessment-scores");
  var caption = document.getElementById("scores-caption");
  var planBox = document.getElementById("assessment-plan");
  var planSummary = document.getElementById("plan-summary");
  var chooseStage = document.getElementById("assessment-choose-stage");
  var share = document.getElementById("share");
  var shareLink = document.getElementById("share-link");
  var data = null;
  var index = null;

  /* The page's words for `key`, with each {name} replaced by values[name]. */
  function say(key, values) {
    var text = form.getAttribute("data-say-" + key) || "";
    return text.replace(/\{([a-z]+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /* A counted message: the page gives a form for one and one for more (its language's
   * plural rule picked each; {num} is the count). */
  function sayCount(key, num) {
    return say(key + (num === 1 ? "-one" : "-other"), { num: num });
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function link(text, href) {
    var a = element("a", text);
    a.href = base + href;
    return a;
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  function radios(name) {
    return Array.prototype.slice.call(form.querySelectorAll("input[type=radio]")).filter(function (r) {
      return r.name === name;
    });
  }

  function readForm() {
    var state = { stage: "", answers: Object.create(null) };
    Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]:checked"), function (radio) {
      if (radio.name === "stage") { state.stage = radio.value; }
      else { state.answers[radio.name.slice(2)] = radio.value; }
    });
    return state;
  }

  function writeForm(state) {
    radios("stage").forEach(function (r) { r.checked = r.value === state.stage; });
    data.areas.forEach(function (area) {
      area.questions.forEach(function (question) {
        radios("q-" + question.id).forEach(function (r) {
          r.checked = state.answers[question.id] === r.value;
        });
      });
    });
  }

  function save(state) {
    try {
      root.localStorage.setItem(storageKey, JSON.stringify({ stage: state.stage, answers: state.answers }));
    } catch (e) { /* storage off or full: the answers stay on the page only */ }
  }

  function stored() {
    try {
      var text = root.localStorage.getItem(storageKey);
      return core.clean(data, text ? JSON.parse(text) : null);
    } catch (e) {
      return core.clean(data, null);
    }
  }

  function showQuestions(stage) {
    Array.prototype.forEach.call(form.querySelectorAll(".assessment-area"), function (area) {
      var any = false;
      Array.prototype.forEach.call(area.querySelectorAll(".question"), function (question) {
        var shown = question.getAttribute("data-stages").split(" ").indexOf(stage) >= 0;
        question.hidden = !shown;
        any = any || shown;
      });
      area.hidden = !any;
    });
    chooseStage.hidden = Boolean(stage);
  }

  function scoreRow(area) {
    var row = element("tr");
    row.appendChild(element("th", area.title)).setAttribute("scope", "row");
    row.appendChild(element("td", area.percent === null ?
      say("area-answered", { answered: area.yes + area.gaps + area.notRelevant, total: area.total }) :
      area.percent + "%"));
    row.appendChild(element("td", area.label, "verdict verdict-" + area.verdict));
    return row;
  }

  function planItem(item) {
    var li = element("li", "", "plan-item");
    li.appendChild(element("p", item.text, "plan-question"));
    li.appendChild(element("p", say("your-answer") + " " + item.answerLabel, "plan-answer"));
    li.appendChild(element("p", say("what-to-do") + " " + item.action));
    if (item.toolkits.length) {
      var read = element("p", say("read") + " ");
      item.toolkits.forEach(function (toolkit, number) {
        if (number) { read.appendChild(document.createTextNode(", ")); }
        read.appendChild(link(toolkit.title, toolkit.url));
      });
      li.appendChild(read);
    }
    var ask = element("p", say("ask") + " ");
    if (item.suggestion) {
      ask.appendChild(link(item.suggestion.name, item.suggestion.url));
      ask.appendChild(document.createTextNode(" (" + item.need.name + ")"));
      var more = ask.appendChild(element("span", say("or") + " ", "no-print"));
      more.appendChild(link(say("every-suggestion"), item.need.support));
    } else {
      ask.appendChild(link(say("find-support", { need: item.need.name }), item.need.support));
    }
    li.appendChild(ask);
    return li;
  }

  function render(state) {
    var areas = core.score(data, state.stage, state.answers);
    var items = core.plan(data, state.stage, state.answers, index);
    var stageName = data.stages.filter(function (s) { return s.slug === state.stage; })[0].name;
    clear(scores);
    areas.forEach(function (area) { if (area.total) { scores.appendChild(scoreRow(area)); } });
    caption.textContent = say("caption", { stage: stageName });
    clear(planBox);
    var current = null;
    var list = null;
    items.forEach(function (item) {
      if (item.area !== current) {
        current = item.area;
        planBox.appendChild(element("h3", item.areaTitle));
        list = planBox.appendChild(element("ol", "", "plan"));
      }
      list.appendChild(planItem(item));
    });
    var total = core.questionsFor(data, state.stage).length;
    var answered = core.questionsFor(data, state.stage).filter(function (e) {
      return state.answers[e.question.id];
    }).length;
    planSummary.textContent = items.length ? sayCount("things", items.length) : say("nothing");
    status.textContent = say("answered", { answered: answered, total: total, stage: stageName }) +
      " " + sayCount("gaps", items.length);
    results.hidden = false;
  }

  /* The form changed (or was filled in): keep the answers, unless they were just forgotten. */
  function update(keep) {
    var state = readForm();
    if (keep !== false) { save(state); }
    showQuestions(state.stage);
    share.hidden = true;
    if (state.stage) { render(state); } else { results.hidden = true; }
  }

  function fromLink() {
    var found = core.decode(data, root.location.hash);
    if (found.status === "none") { return null; }
    if (root.history && root.history.replaceState) {
      root.history.replaceState(null, "", root.location.pathname + root.location.search);
    }
    if (found.status !== "ok") {
      message.textContent = say(found.status);
      return null;
    }
    message.textContent = say("from-link");
    return found;
  }

  function start(state, keep) {
    writeForm(state);
    update(keep);
  }

  document.getElementById("assessment-forget").addEventListener("click", function () {
    try { root.localStorage.removeItem(storageKey); } catch (e) { /* nothing was kept */ }
    start({ stage: "", answers: Object.create(null) }, false);
    message.textContent = say("forgotten");
  });
  document.getElementById("assessment-print").addEventListener("click", function () { root.print(); });
  document.getElementById("assessment-share").addEventListener("click", function () {
    var state = readForm();
    shareLink.value = root.location.origin + root.location.pathname + "#" + core.encode(data, state.stage, state.answers);
    share.hidden = false;
    shareLink.select();
    var copied = root.navigator.clipboard && root.navigator.clipboard.writeText(shareLink.value);
    message.textContent = say("link-below");
    if (copied) {
      copied.then(function () { message.textContent = say("link-copied"); },
        function () { /* the link is shown to copy by hand */ });
    }
  });
  form.addEventListener("change", function () { update(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  root.addEventListener("hashchange", function () {
    var found = fromLink();
    if (found) { start(found); }
  });

  fetchJson(form.getAttribute("data-questions")).then(function (loaded) {
    data = loaded;
    return fetchJson(base + data.referralIndex);
  }).then(function (loaded) {
    index = loaded;
    var found = fromLink();
    form.hidden = false;
    document.body.classList.add("assessment-ready");
    start(found || stored());
  }).catch(function () {
    message.textContent = say("not-loaded");
  });
}(typeof self !== "undefined" ? self : this));
