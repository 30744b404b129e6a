// Script switch: remember the reader's choice; offer (never force) the other script.
(function () {
  "use strict";
  var KEY = "park-digest-variant";
  var root = document.documentElement;
  var here = root.getAttribute("data-variant");
  var store = {
    get: function () { try { return localStorage.getItem(KEY); } catch (e) { return null; } },
    set: function (v) { try { localStorage.setItem(KEY, v); } catch (e) { /* private mode */ } }
  };
  function links() { return document.querySelectorAll(".switch a[data-variant]"); }
  document.addEventListener("click", function (event) {
    var a = event.target.closest && event.target.closest(".switch a[data-variant]");
    if (a) store.set(a.getAttribute("data-variant"));
  });
  function wanted() {
    var chosen = store.get();
    if (chosen) return chosen === here ? null : chosen;
    var langs = navigator.languages || [navigator.language || ""];
    var first = String(langs[0] || "").toLowerCase();
    var traditional = /^zh-(hant|tw|hk|mo)/.test(first);
    if (!traditional || !/^zh-hans/i.test(root.lang)) return null;
    var all = links();
    for (var i = 0; i < all.length; i++) {
      if (/^zh-Hant/i.test(all[i].getAttribute("hreflang"))) return all[i].getAttribute("data-variant");
    }
    return null;
  }
  function offer() {
    var code = wanted();
    if (!code) return;
    var link = document.querySelector('.switch a[data-variant="' + code + '"]');
    if (!link) return;
    var hant = /^zh-Hant/i.test(link.getAttribute("hreflang"));
    // a landmark of its own, floating over the page's foot: showing it moves nothing
    var box = document.createElement("aside");
    box.className = "offer";
    box.setAttribute("aria-label", hant ? "繁體中文版本" : "简体中文版本");
    box.lang = link.getAttribute("hreflang");
    var text = document.createElement("span");
    text.textContent = hant ? "本頁另有繁體中文版本：" : "本页另有简体中文版本：";
    var go = document.createElement("a");
    go.href = link.href;
    go.textContent = link.textContent;
    go.addEventListener("click", function () { store.set(code); });
    var no = document.createElement("button");
    no.type = "button";
    no.textContent = hant ? "不用了" : "不用了";
    no.addEventListener("click", function () {
      store.set(here);
      box.remove();
      root.classList.remove("has-offer");
    });
    box.append(text, go, no);
    document.body.appendChild(box);
    root.classList.add("has-offer");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", offer);
  else offer();
})();
