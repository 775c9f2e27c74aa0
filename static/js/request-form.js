// Progressive enhancement of the request form: show the fields that apply, mark
// invalid fields before sending, and refuse a second submit (double click).
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
  }

  form.addEventListener("change", toggle);
  toggle();

  form.addEventListener("submit", function (event) {
    var invalid = Array.prototype.filter.call(form.elements, function (el) {
      return el.willValidate && !el.closest("[hidden]") && !el.checkValidity();
    });
    invalid.forEach(function (el) { el.classList.add("is-invalid"); });
    if (invalid.length) {
      event.preventDefault();
      invalid[0].focus();
      return;
    }
    if (form.dataset.submitting) {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = "1";
    form.querySelectorAll('button[type="submit"]').forEach(function (b) {
      b.disabled = true;
    });
  });
})();
