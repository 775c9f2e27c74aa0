// The request form: show the fields that apply to the applicant's type and the
// access method. Validation, messages and the double-submit guard are the shared
// js/public-form.js.
(function () {
  "use strict";
  var form = document.querySelector("form.request-form");
  if (!form) return;

  function checked(name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : "";
  }

  function toggle() {
    var type = checked("applicant_type");
    form.querySelectorAll("[data-show-for]").forEach(function (el) {
      el.hidden = el.getAttribute("data-show-for") !== type;
    });
    var access = checked("access_method");
    form.querySelectorAll("[data-show-for-access]").forEach(function (el) {
      el.hidden = el.getAttribute("data-show-for-access") !== access;
    });
    // A group must name its representative: unfold that section for it.
    form.querySelectorAll("details[data-open-for]").forEach(function (el) {
      if (el.getAttribute("data-open-for") === type) el.open = true;
    });
  }

  form.addEventListener("change", toggle);
  toggle();
})();
