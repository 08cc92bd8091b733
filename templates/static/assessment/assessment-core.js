/* THIN Portal self-assessment (the health check and the readiness checklist): everything
 * that is not the page. Scores a group's answers per area, lists the action plan, and
 * encodes answers in a link's fragment and reads them back, from the JSON the build
 * wrote (/<section>/questions.json; thin_build/assessment/data.py). The scoring rule is
 * explained in docs/health-check.md; its numbers and words come from the JSON.
 * The plan's suggestions use the referral page's own `rank` (referral.js) on its index,
 * so they are always the first suggestion "Find support" would make.
 * No DOM here: the tests run this file unchanged in Node against a Python reference. */
(function (root) {
  "use strict";
  var referral = typeof module === "object" && module.exports ?
    require("../referral/referral.js") : root.thinReferral;
  var GAPS = ["no", "not-sure"];
  var PREFIX = "answers=";
  var LINK = /^answers=([0-9a-z]{1,16})\.([a-z0-9-]{1,60})\.([a-z-]{0,2000})$/;

  function isStage(data, stage) {
    return data.stages.some(function (s) { return s.slug === stage; });
  }

  /* The questions for a stage as {area, question}, in the file's order: the order of a
   * shared link's answers. */
  function questionsFor(data, stage) {
    var found = [];
    data.areas.forEach(function (area, number) {
      area.questions.forEach(function (question) {
        if (question.stages.indexOf(stage) >= 0) { found.push({ area: number, question: question }); }
      });
    });
    return found;
  }

  function answerOf(answers, id) {
    return Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : undefined;
  }

  function labelOf(data, value) {
    var found = data.rule.answers.filter(function (a) { return a[0] === value; })[0];
    return found ? found[1] : "";
  }

  /* Per area, over its questions for the stage: counts, the score (share of "yes"
   * among the questions that are not "not relevant", rounded down) and the verdict.
   * No verdict until every question of the area is answered. */
  function score(data, stage, answers) {
    return data.areas.map(function (area) {
      var result = { id: area.id, title: area.title, total: 0, yes: 0, gaps: 0,
        notRelevant: 0, unanswered: 0, percent: null, verdict: "" };
      area.questions.forEach(function (question) {
        if (question.stages.indexOf(stage) < 0) { return; }
        var answer = answerOf(answers, question.id);
        result.total += 1;
        if (answer === "yes") { result.yes += 1; }
        else if (GAPS.indexOf(answer) >= 0) { result.gaps += 1; }
        else if (answer === "not-relevant") { result.notRelevant += 1; }
        else { result.unanswered += 1; }
      });
      var counted = result.yes + result.gaps;
      if (result.unanswered > 0) {
        result.verdict = "not-answered";
      } else if (counted === 0) {
        result.verdict = "not-relevant";
      } else {
        result.percent = Math.floor(100 * result.yes / counted);
        result.verdict = result.percent >= data.rule.strong ? "strong" :
          (result.percent >= data.rule.gettingThere ? "getting-there" : "needs-attention");
      }
      result.label = data.rule.verdicts[result.verdict];
      return result;
    });
  }

  /* Every "no" and "not sure" for the stage, in order, with its action, its toolkits
   * and the referral page's first suggestion for its need at that stage (or null). */
  function plan(data, stage, answers, index) {
    return questionsFor(data, stage).filter(function (entry) {
      return GAPS.indexOf(answerOf(answers, entry.question.id)) >= 0;
    }).map(function (entry) {
      var question = entry.question;
      var need = data.needs[question.need];
      var top = referral.rank(index, { need: question.need, stage: stage, group: null,
        ward: null, language: null })[0];
      var answer = answerOf(answers, question.id);
      return {
        area: data.areas[entry.area].id, areaTitle: data.areas[entry.area].title,
        id: question.id, text: question.text, answer: answer, answerLabel: labelOf(data, answer),
        action: question.action,
        toolkits: question.toolkits.map(function (slug) { return data.toolkits[slug]; }),
        need: { slug: question.need, name: need.name, page: need.page,
          support: need.support + "&stage=" + encodeURIComponent(stage) },
        suggestion: top ? { slug: top.slug, name: top.name, url: data.providers[top.slug],
          reasons: top.reasons } : null
      };
    });
  }

  function charOf(data, value) {
    var found = data.rule.answers.filter(function (a) { return a[0] === value; })[0];
    return found ? found[2] : data.rule.unanswered;
  }

  /* The fragment (without "#") of a link to these answers: version, stage, then one
   * character per question for the stage. */
  function encode(data, stage, answers) {
    return PREFIX + data.version + "." + stage + "." + questionsFor(data, stage).map(function (e) {
      return charOf(data, answerOf(answers, e.question.id));
    }).join("");
  }

  /* A link's fragment read back: {status: "ok", stage, answers}, or {status} "none" (no
   * answers in it), "malformed" or "older" (made for another version of the questions).
   * The text is only ever matched against a pattern, never evaluated. */
  function decode(data, fragment) {
    var text = typeof fragment === "string" ? fragment.replace(/^#/, "") : "";
    if (text === "") { return { status: "none" }; }
    var match = LINK.exec(text);
    if (!match) { return { status: "malformed" }; }
    if (match[1] !== data.version) { return { status: "older" }; }
    var questions = questionsFor(data, match[2]);
    if (!isStage(data, match[2]) || match[3].length !== questions.length) {
      return { status: "malformed" };
    }
    var answers = Object.create(null);
    for (var i = 0; i < questions.length; i += 1) {
      var char = match[3].charAt(i);
      var found = data.rule.answers.filter(function (a) { return a[2] === char; })[0];
      if (found) { answers[questions[i].question.id] = found[0]; }
      else if (char !== data.rule.unanswered) { return { status: "malformed" }; }
    }
    return { status: "ok", stage: match[2], answers: answers };
  }

  /* Answers read back from storage, keeping only known stages, questions and answers. */
  function clean(data, stored) {
    var result = { stage: "", answers: Object.create(null) };
    if (!stored || typeof stored !== "object") { return result; }
    if (typeof stored.stage === "string" && isStage(data, stored.stage)) { result.stage = stored.stage; }
    var given = stored.answers && typeof stored.answers === "object" ? stored.answers : {};
    var values = data.rule.answers.map(function (a) { return a[0]; });
    data.areas.forEach(function (area) {
      area.questions.forEach(function (question) {
        var value = answerOf(given, question.id);
        if (values.indexOf(value) >= 0) { result.answers[question.id] = value; }
      });
    });
    return result;
  }

  var api = { questionsFor: questionsFor, score: score, plan: plan, encode: encode,
    decode: decode, clean: clean };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.thinAssessment = api;
  }
}(typeof self !== "undefined" ? self : this));
