// "Mungkin sudah tersedia": while the applicant types the information wanted,
// show published register items and answers that match (apps.disclosure.views.similar).
(function () {
  "use strict";
  var box = document.getElementById("similar-requests");
  var field = document.getElementById("id_information_requested");
  if (!box || !field || !window.fetch) return;
  var list = box.querySelector("[data-similar-list]");
  var url = box.getAttribute("data-similar-url");
  var timer = null;
  var last = "";
  var controller = null;

  function render(data) {
    var rows = (data.items || []).concat(data.answers || []);
    while (list.firstChild) list.removeChild(list.firstChild);
    rows.forEach(function (row) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = row.url;
      link.textContent = row.title;
      link.target = "_blank";
      link.rel = "noopener";
      li.appendChild(link);
      var meta = document.createElement("span");
      meta.className = "small text-body-secondary";
      meta.textContent = " (" + row.kind + (row.unit ? " · " + row.unit : "") + ")";
      li.appendChild(meta);
      list.appendChild(li);
    });
    box.hidden = rows.length === 0;
  }

  function lookUp() {
    var text = field.value.trim();
    if (text === last) return;
    last = text;
    if (text.length < 8) { render({}); return; }
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    fetch(url + "?q=" + encodeURIComponent(text.slice(0, 500)), {
      headers: { "Accept": "application/json" },
      signal: controller ? controller.signal : undefined
    })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(render)
      .catch(function () { /* offline or aborted: the form works without it */ });
  }

  field.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 400);
  });
  if (field.value) lookUp();
})();
