/* THIN Portal "Find support": ranks providers for a group's answers from the index the
 * build wrote (/support/referral-index.json) by the rule in thin_build/referrals.py
 * (explained in docs/referral.md), and shows them with textContent only.
 * `rank` has no DOM, so the tests run this very file in Node and compare its answer
 * with Python's for every combination of answers. Without JavaScript the page keeps
 * its links to a static page per need. Every word it shows or writes comes from the page
 * (#referral-words, in the page's language), so the script holds none. */
(function (root) {
  "use strict";

  /* Position of a slug in one of the index's term lists; -1 for none or unknown. */
  function codeOf(list, slug) {
    return slug ? list.indexOf(slug) : -1;
  }

  function has(list, code) {
    return code >= 0 && list.indexOf(code) >= 0;
  }

  /* The suggestions for answers {need, stage, group, ward, language} (slugs, or "" /
   * null for none), best first: [{slug, name, services: [positions], reasons: [text]}].
   * Rule by rule the same as Ranker.rank in thin_build/referrals.py. */
  function rank(index, answers) {
    var need = index.needs[answers.need];
    var stage = codeOf(index.stages, answers.stage);
    if (!need || stage < 0) { return []; }
    var group = codeOf(index.groups, answers.group);
    var ward = codeOf(index.wards, answers.ward);
    var language = codeOf(index.languages, answers.language);
    var groupAgency = -1;
    var groupReason = "";
    need.groupAgencies.forEach(function (entry) {
      if (entry[0] === group) { groupAgency = entry[1]; groupReason = entry[2]; }
    });
    var ranked = [];
    need.candidates.forEach(function (candidate) {
      var position = candidate[0];
      var offers = candidate[1];
      var provider = index.providers[position];
      var boroughWide = provider[2] === 1;
      var wards = provider[3];
      // Rule 1: the place, then each service's stage and beneficiary groups.
      if (!boroughWide && !has(wards, ward)) { return; }
      var services = [];
      offers.forEach(function (offer, number) {
        if (has(offer[0], stage) && (offer[1].length === 0 || has(offer[1], group))) {
          services.push(number);
        }
      });
      if (services.length === 0) { return; }
      var tier = position === groupAgency ? 0 : (position === need.agency ? 1 : 2);
      var specialist = has(provider[5], group) || services.some(function (number) {
        return has(offers[number][1], group);
      });
      var local = has(wards, ward);
      var free = services.some(function (number) { return has(offers[number][2], stage); });
      var speaks = has(provider[4], language);
      var reasons = [];
      if (tier === 0) { reasons.push(groupReason); }
      if (tier === 1) { reasons.push(need.keyReason); }
      if (specialist) { reasons.push(index.reasons.specialist[group]); }
      if (local) { reasons.push(index.reasons.local[ward]); }
      if (free) { reasons.push(index.reasons.free[stage]); }
      if (speaks) { reasons.push(index.reasons.language[language]); }
      ranked.push({
        key: [tier, specialist ? 0 : 1, local ? 0 : 1, free ? 0 : 1, speaks ? 0 : 1, position],
        slug: provider[0], name: provider[1], services: services, reasons: reasons
      });
    });
    ranked.sort(function (a, b) {
      for (var i = 0; i < a.key.length; i += 1) {
        if (a.key[i] !== b.key[i]) { return a.key[i] - b.key[i]; }
      }
      return 0;
    });
    return ranked.map(function (entry) {
      return { slug: entry.slug, name: entry.name, services: entry.services, reasons: entry.reasons };
    });
  }

  /* A mailto: URL; the address's local part, subject and body are percent-encoded
   * (RFC 6068: lines in the body end in CRLF). */
  function mailto(email, subject, body) {
    var at = email.lastIndexOf("@");
    return "mailto:" + encodeURIComponent(email.slice(0, at)) + email.slice(at) +
      "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
  }

  var api = { rank: rank, mailto: mailto };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }
  root.thinReferral = api;

  /* ---- The page ------------------------------------------------------------------ */

  var form = document.getElementById("referral-form");
  var fetchJson = root.thinFetchJson;
  if (!form || !fetchJson || !root.Promise) { return; }
  var FIELDS = ["need", "stage", "group", "ward", "language"];
  var results = document.getElementById("referral-results");
  var status = document.getElementById("referral-status");
  var explanation = document.getElementById("referral-explanation");
  var list = document.getElementById("referral-list");
  var more = document.getElementById("referral-more");
  var needPage = document.getElementById("referral-need-page");
  var printSection = document.getElementById("referral-print");
  var printBody = document.getElementById("referral-print-body");
  var base = form.getAttribute("data-base").replace(/\/$/, "");
  var words = document.getElementById("referral-words").dataset;
  var sequence = 0;

  /* A text from the page with its %(name)s placeholders filled in. */
  function say(key, values) {
    return words[key].replace(/%\((\w+)\)s/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  function selectedOption(name) {
    var select = form.elements[name];
    return select && select.selectedIndex >= 0 ? select.options[select.selectedIndex] : null;
  }

  function answers() {
    var stage = form.querySelector("input[name=stage]:checked");
    return {
      need: form.elements.need.value, stage: stage ? stage.value : "",
      group: form.elements.group.value, ward: form.elements.ward.value,
      language: form.elements.language.value
    };
  }

  /* What the group told us, as [label, answer] lines for the email and the summary. */
  function answerLines(chosen) {
    var stage = form.querySelector("input[name=stage]:checked");
    var lines = [[say("supportNeeded"), selectedOption("need").textContent],
      [say("stage"), stage ? stage.getAttribute("data-label") : ""]];
    if (chosen.group) { lines.push([say("worksWith"), selectedOption("group").textContent]); }
    lines.push([say("ward"), chosen.ward ? selectedOption("ward").textContent : say("acrossBorough")]);
    if (chosen.language) { lines.push([say("adviceIn"), selectedOption("language").textContent]); }
    return lines;
  }

  function prefill() {
    var params = new URLSearchParams(root.location.search);
    FIELDS.forEach(function (name) {
      var value = params.get(name);
      if (!value) { return; }
      if (name === "stage") {
        Array.prototype.forEach.call(form.querySelectorAll("input[name=stage]"), function (radio) {
          radio.checked = radio.value === value;
        });
        return;
      }
      var select = form.elements[name];
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      if (known) { select.value = value; }
    });
  }

  function remember(chosen) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) { if (chosen[name]) { params.set(name, chosen[name]); } });
    var query = params.toString();
    if (root.history && root.history.replaceState) {
      root.history.replaceState(null, "", root.location.pathname + (query ? "?" + query : ""));
    }
  }

  function facts(pairs) {
    var dl = element("dl", "", "facts");
    pairs.forEach(function (pair) {
      if (!pair[1]) { return; }
      dl.appendChild(element("dt", pair[0]));
      var dd = element("dd");
      if (pair[1].nodeType) { dd.appendChild(pair[1]); } else { dd.textContent = pair[1]; }
      dl.appendChild(dd);
    });
    return dl;
  }

  function link(text, href, className) {
    var a = element("a", text, className);
    a.href = href;
    return a;
  }

  function referralEmail(chosen, suggestion, detail, needName) {
    var services = suggestion.services.map(function (n) { return detail.services[n].title; });
    var body = [say("emailGreeting"), "", say("emailIntro"), ""];
    answerLines(chosen).forEach(function (line) { body.push(line[0] + ": " + line[1]); });
    body.push(say("emailService", { services: services.join("; ") }), "",
      say("emailGroup"), say("emailContact"), "", say("emailThanks"));
    return mailto(detail.contact.email, say("emailSubject", { need: needName }), body.join("\r\n"));
  }

  function servicesBlock(suggestion, detail) {
    var wrap = element("div", "", "service-offers");
    suggestion.services.forEach(function (number) {
      var service = detail.services[number];
      var box = element("div", "", "service-offer");
      var title = element("p", "", "service-title");
      title.appendChild(element("strong", service.title));
      box.appendChild(title);
      box.appendChild(element("p", service.description));
      box.appendChild(facts([[say("how"), service.access], [say("when"), service.when],
        [say("cost"), service.cost]]));
      wrap.appendChild(box);
    });
    return wrap;
  }

  function contactBlock(detail) {
    var contact = detail.contact;
    var phone = contact.phone ? link(contact.phone, contact.tel) : null;
    return facts([[say("referralsTo"), contact.role],
      [say("email"), link(contact.email, "mailto:" + contact.email)], [say("phone"), phone]]);
  }

  function printSummary(chosen, suggestion, detail, needName) {
    clear(printBody);
    printBody.appendChild(facts(answerLines(chosen)));
    printBody.appendChild(element("h3", say("suggestedProvider", { name: suggestion.name })));
    if (suggestion.reasons.length) {
      var reasons = element("ul", "", "reasons");
      suggestion.reasons.forEach(function (reason) { reasons.appendChild(element("li", reason)); });
      printBody.appendChild(reasons);
    }
    printBody.appendChild(element("h4", say("offersFor", { need: needName })));
    printBody.appendChild(servicesBlock(suggestion, detail));
    printBody.appendChild(element("h4", say("contactHeading")));
    printBody.appendChild(contactBlock(detail));
    printBody.appendChild(element("p", say("webPage", { url: root.location.origin + base + detail.url })));
    printSection.hidden = false;
    document.body.classList.add("printing-referral");
    root.print();
  }

  function suggestionItem(chosen, suggestion, detail, needName, number) {
    var item = element("li", "", "suggestion");
    var id = "suggestion-" + number;
    var article = element("article");
    article.setAttribute("aria-labelledby", id);
    var heading = element("h3");
    heading.id = id;
    heading.appendChild(link(suggestion.name, base + detail.url));
    article.appendChild(heading);
    article.appendChild(element("p", detail.summary, "suggestion-summary"));
    article.appendChild(element("h4", say("why")));
    var reasons = element("ul", "", "reasons");
    (suggestion.reasons.length ? suggestion.reasons : [say("defaultReason")])
      .forEach(function (reason) { reasons.appendChild(element("li", reason)); });
    article.appendChild(reasons);
    article.appendChild(element("h4", say("offersFor", { need: needName })));
    article.appendChild(servicesBlock(suggestion, detail));
    article.appendChild(element("h4", say("contactHeading")));
    article.appendChild(contactBlock(detail));
    var actions = element("p", "", "referral-actions");
    var email = link(say("makeReferral"), referralEmail(chosen, suggestion, detail, needName), "button-link");
    email.appendChild(element("span", " " + say("toProvider", { name: suggestion.name }), "visually-hidden"));
    actions.appendChild(email);
    var print = element("button", say("print"));
    print.type = "button";
    print.appendChild(element("span", " " + say("forProvider", { name: suggestion.name }), "visually-hidden"));
    print.addEventListener("click", function () { printSummary(chosen, suggestion, detail, needName); });
    actions.appendChild(print);
    article.appendChild(actions);
    item.appendChild(article);
    return item;
  }

  function show(chosen, index, details) {
    var suggestions = rank(index, chosen);
    var needName = selectedOption("need").textContent;
    clear(list);
    var text = chosen.group && details.groupExplanations[chosen.group] || details.explanation;
    explanation.textContent = text || "";
    explanation.hidden = !text;
    suggestions.forEach(function (suggestion, number) {
      list.appendChild(suggestionItem(chosen, suggestion, details.providers[suggestion.slug],
        needName, number + 1));
    });
    needPage.href = selectedOption("need").getAttribute("data-page");
    more.hidden = false;
    if (suggestions.length === 0) {
      status.textContent = say(chosen.ward ? "noneLocal" : "noneBorough");
    } else {
      status.textContent = say(suggestions.length === 1 ? "foundOne" : "foundOther",
        { count: String(suggestions.length), need: needName, first: suggestions[0].name });
    }
  }

  function update() {
    var chosen = answers();
    var mine = ++sequence;
    remember(chosen);
    results.hidden = false;
    if (!chosen.need || !chosen.stage) {
      clear(list);
      explanation.hidden = true;
      more.hidden = true;
      status.textContent = say(chosen.need ? "chooseStage" : "chooseNeed");
      return;
    }
    var detailsUrl = selectedOption("need").getAttribute("data-details");
    Promise.all([fetchJson(form.getAttribute("data-index")), fetchJson(detailsUrl)])
      .then(function (loaded) {
        if (mine === sequence) { show(chosen, loaded[0], loaded[1]); }
      })
      .catch(function () {
        if (mine !== sequence) { return; }
        clear(list);
        status.textContent = say("failed");
      });
  }

  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
    document.getElementById("results-heading").focus();
  });
  root.addEventListener("afterprint", function () {
    document.body.classList.remove("printing-referral");
    printSection.hidden = true;
  });
  prefill();
  form.hidden = false;
  document.getElementById("referral-nojs").hidden = true;
  update();
}(typeof self !== "undefined" ? self : this));
