// The public forms (request, objection, complaint: form[data-public-form]).
// Server-rendered errors come from templates/includes/form_field.html and
// form_errors.html; this script gives the same messages before sending:
// - each invalid field gets its message beside it (<id>_error, named by
//   aria-describedby) and the summary at the top lists it with a link;
// - a message clears as soon as its field is fixed, and the summary with it;
// - "Anonymously" on the complaint form disables and clears the identity fields;
// - a second click on the submit button does not send the form twice.
(function () {
  "use strict";

  function describer(el) {
    // A group of radios or checkboxes is described by its fieldset.
    if (el.type === "radio" || el.type === "checkbox") {
      var group = el.closest("fieldset[id]");
      if (group && group.closest(".form-field") === el.closest(".form-field")) {
        return group;
      }
    }
    return el;
  }

  function setDescribedBy(el, id, on) {
    var ids = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    ids = ids.filter(function (x) { return x !== id; });
    if (on) ids.push(id);
    if (ids.length) el.setAttribute("aria-describedby", ids.join(" "));
    else el.removeAttribute("aria-describedby");
  }

  function init(form) {
    var summary = form.parentNode.querySelector("#form-errors") ||
      document.getElementById("form-errors");
    var msgs = summary ? summary.dataset : {};

    function controlsOf(wrapper) {
      return Array.prototype.filter.call(
        wrapper.querySelectorAll("input, select, textarea"),
        function (el) { return el.type !== "hidden"; }
      );
    }

    function messageFor(el) {
      var v = el.validity;
      if (v.valueMissing) {
        return el.type === "radio" || el.type === "checkbox"
          ? msgs.msgChoice : msgs.msgRequired;
      }
      if (v.typeMismatch && el.type === "email") return msgs.msgEmail;
      return msgs.msgInvalid || el.validationMessage;
    }

    function labelOf(wrapper) {
      var legend = wrapper.querySelector("legend");
      var label = legend || wrapper.querySelector("label.form-label, label");
      if (!label) return "";
      var copy = label.cloneNode(true);
      copy.querySelectorAll("[aria-hidden], .visually-hidden").forEach(function (n) {
        n.remove();
      });
      return copy.textContent.trim();
    }

    function showError(wrapper, el, message) {
      var target = describer(el);
      var id = target.id + "_error";
      var block = document.getElementById(id);
      if (!block) {
        block = document.createElement("div");
        block.id = id;
        block.className = "invalid-feedback d-block";
        wrapper.appendChild(block);
      }
      block.textContent = message;
      controlsOf(wrapper).forEach(function (c) { c.classList.add("is-invalid"); });
      target.setAttribute("aria-invalid", "true");
      setDescribedBy(target, id, true);
    }

    function clearError(wrapper) {
      var controls = controlsOf(wrapper);
      if (!controls.length) return;
      var target = describer(controls[0]);
      var block = document.getElementById(target.id + "_error");
      if (block) block.remove();
      controls.forEach(function (c) {
        c.classList.remove("is-invalid");
        c.removeAttribute("aria-invalid");
      });
      target.removeAttribute("aria-invalid");
      setDescribedBy(target, target.id + "_error", false);
      if (summary) {
        summary.querySelectorAll('li[data-for="' + wrapper.dataset.field + '"]')
          .forEach(function (li) { li.remove(); });
        updateTitle();
      }
    }

    function updateTitle() {
      var items = summary.querySelectorAll(".error-summary-list li").length;
      if (!items) {
        summary.hidden = true;
        return;
      }
      var title = summary.querySelector("#form-errors-title");
      title.textContent = items === 1 ? msgs.titleOne
        : msgs.titleMany.replace("__N__", String(items));
    }

    function active(el) {
      return el.willValidate && !el.disabled && !el.closest("[hidden]");
    }

    function invalidFields() {
      var found = [];
      form.querySelectorAll(".form-field[data-field]").forEach(function (wrapper) {
        var bad = controlsOf(wrapper).filter(function (el) {
          return active(el) && !el.checkValidity();
        });
        if (bad.length) found.push({ wrapper: wrapper, el: bad[0] });
      });
      return found;
    }

    function focusField(el) {
      var details = el.closest("details");
      if (details) details.open = true;
      var wrapper = el.closest(".form-field") || el;
      wrapper.scrollIntoView({ block: "start" });
      el.focus({ preventScroll: true });
    }

    if (summary) {
      summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        if (!link) return;
        var el = document.getElementById(link.getAttribute("href").slice(1));
        if (!el) return;
        event.preventDefault();
        focusField(el);
      });
      if (!summary.hidden) {
        // Errors from the server: open folded sections that hold one, then let
        // keyboard and screen-reader users start from the summary.
        form.querySelectorAll("details").forEach(function (d) {
          if (d.querySelector(".is-invalid, [aria-invalid='true']")) d.open = true;
        });
        summary.focus();
      }
    }

    function recheck(event) {
      var wrapper = event.target.closest(".form-field[data-field]");
      if (!wrapper) return;
      var marked = wrapper.querySelector(".is-invalid, [aria-invalid='true']");
      if (!marked) return;
      var stillBad = controlsOf(wrapper).some(function (el) {
        return active(el) && !el.checkValidity();
      });
      if (!stillBad) clearError(wrapper);
    }
    form.addEventListener("input", recheck);
    form.addEventListener("change", recheck);

    form.addEventListener("submit", function (event) {
      var invalid = invalidFields();
      if (invalid.length) {
        event.preventDefault();
        if (summary) {
          var list = summary.querySelector(".error-summary-list");
          list.textContent = "";
          invalid.forEach(function (item) {
            var message = messageFor(item.el);
            showError(item.wrapper, item.el, message);
            var li = document.createElement("li");
            li.dataset.for = item.wrapper.dataset.field;
            var a = document.createElement("a");
            a.href = "#" + item.el.id;
            a.textContent = labelOf(item.wrapper) + ": " + message;
            li.appendChild(a);
            list.appendChild(li);
          });
          summary.hidden = false;
          updateTitle();
          summary.focus();
        } else {
          invalid.forEach(function (item) {
            showError(item.wrapper, item.el, messageFor(item.el));
          });
          focusField(invalid[0].el);
        }
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

    // Anonymous complaint: the identity fields are disabled and emptied.
    // The switch: radios inside [data-anonymous-value="<the anonymous choice>"].
    var switcher = form.querySelector("[data-anonymous-value]");
    var group = form.querySelector("[data-identity-fields]");
    var identity = switcher ? switcher.querySelectorAll("input[type=radio]") : [];
    if (identity.length && group) {
      var applyIdentity = function () {
        var checked = switcher.querySelector("input[type=radio]:checked");
        var anonymous = !!checked && checked.value === switcher.dataset.anonymousValue;
        group.disabled = anonymous;
        group.classList.toggle("identity-disabled", anonymous);
        var note = form.querySelector("[data-identity-note]");
        if (note) note.hidden = !anonymous;
        if (anonymous) {
          group.querySelectorAll("input, select, textarea").forEach(function (el) {
            if (el.type === "checkbox" || el.type === "radio") el.checked = false;
            else el.value = "";
          });
          group.querySelectorAll(".form-field[data-field]").forEach(clearError);
        }
      };
      identity.forEach(function (el) {
        el.addEventListener("change", applyIdentity);
      });
      applyIdentity();
    }
  }

  document.querySelectorAll("form[data-public-form]").forEach(init);
})();
