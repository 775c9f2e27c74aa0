// Next to the register's search results: the published answers that match the
// same words (apps.disclosure.views.search_json). Without JavaScript the link to
// the disclosure log's own search stays.
(function () {
  "use strict";
  var box = document.getElementById("register-answers");
  if (!box || !window.fetch) return;
  var list = box.querySelector("[data-answers-list]");
  fetch(box.getAttribute("data-answers-url"), { headers: { "Accept": "application/json" } })
    .then(function (response) { return response.ok ? response.json() : { answers: [] }; })
    .then(function (data) {
      (data.answers || []).forEach(function (row) {
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.href = row.url;
        link.textContent = row.title;
        li.appendChild(link);
        if (row.unit) {
          var meta = document.createElement("span");
          meta.className = "small text-body-secondary";
          meta.textContent = " (" + row.unit + ")";
          li.appendChild(meta);
        }
        list.appendChild(li);
      });
    })
    .catch(function () { /* the link below still leads to the answers */ });
})();
